// The owners' page as one CSV file (UTF-8 with a BOM, so Excel reads æøå;
// semicolons, as Danish Excel expects). A cell that starts like a formula
// (= + - @, tab, CR) is prefixed with ' so a colleague's question can never
// run as one in a spreadsheet.
import type { Insights } from '../../data/insights';

const FORMULA = /^[=+\-@\t\r]/;

function cell(v: string | number): string {
  const s = typeof v === 'number' ? String(v) : FORMULA.test(v) ? `'${v}` : v;
  return /[";\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function insightsCsv(i: Insights): string {
  const rows: (string | number)[][] = [['section', 'key', 'count', 'second_count', 'text']];
  for (const d of i.perDay) rows.push(['per_day', d.day, d.questions, d.unrecognized, '']);
  for (const p of i.perspectives) rows.push(['perspective', p.id, p.count, '', '']);
  for (const r of i.roles) rows.push(['role', r.id, r.count, '', '']);
  for (const k of i.intents) rows.push(['intent', k.intent, k.count, '', '']);
  for (const u of i.notUnderstood) rows.push(['not_understood', u.last.slice(0, 10), u.count, '', u.question]);
  for (const v of i.votes) rows.push(['votes', v.intent, v.up, v.down, '']);
  for (const d of i.downVoted) rows.push(['down_voted', d.intent, d.count, '', d.question]);
  return `\uFEFF${rows.map((r) => r.map(cell).join(';')).join('\r\n')}\r\n`;
}
