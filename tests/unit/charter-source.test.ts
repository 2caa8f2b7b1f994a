// Compares every statement with the PDF text extraction it came from. The
// PDF breaks lines mid-word (sometimes with a hyphen), so each statement is
// matched word by word, allowing those breaks and nothing else.
import fs from 'node:fs';
import path from 'node:path';
import {
  PERSPECTIVE_IDS,
  allStatements,
  cell,
  charter,
  perspective,
  perspectives,
  roles,
  type PerspectiveId,
  type RowId,
} from '../../data/charter';

const lines = fs.readFileSync(path.join(__dirname, '../../data/source/ledelses-og-medarbejdergrundlag.txt'), 'utf8').split('\n');
const text = (from: number, to: number) => lines.slice(from, to).join('\n');
const esc = (c: string) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Regex for a statement as the PDF may have broken it across lines. */
function pdfPattern(statement: string, bullet: boolean): RegExp {
  const words = statement.split(/\s+/).map((w) => [...w].map(esc).join('(?:-?\\n\\s*)?'));
  const start = bullet ? '∙\\t ' : '(?:^|\\n)';
  return new RegExp(`${start}${words.join('\\s+')}(?=[ \\t\\u00a0]*(?:\\n[ \\t]*\\n|\\n |\\n∙|\\s*$))`);
}

const lineIndex = (re: RegExp, from = 0) => lines.findIndex((l, i) => i >= from && re.test(l));
const matrixStart = lineIndex(/^ Sammen SIKRER vi\s*$/);
const roleStarts = lines.map((l, i) => (/^ ?Rolle:/.test(l) ? i : -1)).filter((i) => i >= 0);

/** Splits [from, to) at the first line matching each perspective's heading. */
function perspectiveSections(from: number, to: number, heading: (id: PerspectiveId) => RegExp): Record<PerspectiveId, [number, number]> {
  const starts = PERSPECTIVE_IDS.map((id) => ({ id, at: lineIndex(heading(id), from) })).sort((a, b) => a.at - b.at);
  expect(starts.every((s) => s.at >= from && s.at < to)).toBe(true);
  return Object.fromEntries(starts.map((s, i) => [s.id, [s.at, starts[i + 1]?.at ?? to]])) as Record<PerspectiveId, [number, number]>;
}

const VERB: Record<PerspectiveId, string> = { driften: 'sikrer', resultaterne: 'styrker', velfaerd: 'skaber', robust: 'udvikler' };

describe('statements are verbatim from the role pages (pp. 6–17)', () => {
  it('finds 5 role sections before the matrix pages', () => {
    expect(roleStarts).toHaveLength(5);
    expect(roleStarts.every((i) => i < matrixStart)).toBe(true);
    // The label may wrap onto a second line ("LEDER AF" / "MEDARBEJDERE").
    roles().forEach((r, n) =>
      expect(`${lines[roleStarts[n] + 1].trim()} ${lines[roleStarts[n] + 2].trim()}`).toMatch(new RegExp(`^${esc(r.rolePageLabel)}\\b`)),
    );
  });

  it.each(roles().map((r, n) => [r.id, n] as const))('%s: every statement stands under its own heading', (roleId, n) => {
    const r = roles()[n];
    const sections = perspectiveSections(
      roleStarts[n],
      roleStarts[n + 1] ?? matrixStart,
      (id) => new RegExp(`^ ?${esc(r.contributionPrefix)} ${esc(perspective(id).contribution)}\\s*$`),
    );
    for (const p of PERSPECTIVE_IDS) {
      for (const s of cell(roleId, p))
        expect({ id: s.id, found: pdfPattern(s.text, true).test(text(...sections[p])) }).toEqual({ id: s.id, found: true });
    }
    // The first page of each spread holds the perspectives marked 'first'.
    const firstPage = PERSPECTIVE_IDS.filter((p) => perspective(p).rolePages === 'first');
    const order = [...PERSPECTIVE_IDS].sort((a, b) => sections[a][0] - sections[b][0]);
    expect(order.slice(0, 2).sort()).toEqual([...firstPage].sort());
    for (const p of PERSPECTIVE_IDS)
      for (const s of cell(roleId, p)) expect(s.page).toBe(r.pages[perspective(p).rolePages === 'first' ? 0 : 1]);
  });

  it('ALLE: every statement stands under its perspective on pp. 6–7', () => {
    const from = lineIndex(/DE FIRE PERSPEKTIVER/);
    const sections = perspectiveSections(from, roleStarts[0], (id) => new RegExp(`^ ?Sammen ${VERB[id]} vi`));
    for (const p of PERSPECTIVE_IDS)
      for (const s of cell('alle', p))
        expect({ id: s.id, found: pdfPattern(s.text, true).test(text(...sections[p])) }).toEqual({ id: s.id, found: true });
  });
});

describe('the matrix pages (pp. 18–25) and the 5 variants', () => {
  const LABELS: Record<string, RowId> = {
    ALLE: 'alle',
    DIREKTION: 'direktion',
    CENTERCHEF: 'centerchef',
    'LEDER AF LEDERE': 'leder-af-ledere',
    'LEDER AF': 'leder-af-medarbejdere',
    MEDARBEJDERE: 'medarbejder',
  };
  const end = lineIndex(/^Den Nye Syntese\s*$/, matrixStart);
  const sections = perspectiveSections(matrixStart, end, (id) => new RegExp(`^ Sammen ${VERB[id].toUpperCase()} vi`));

  function rowSections(from: number, to: number): Partial<Record<RowId, string>> {
    const out: Partial<Record<RowId, string>> = {};
    let current: RowId | undefined;
    for (let i = from; i < to; i++) {
      const label = LABELS[lines[i].trim()];
      if (label) {
        current = label;
        if (lines[i].trim() === 'LEDER AF') i++; // "MEDARBEJDERE" on the next line belongs to this label
        out[current] = '';
        continue;
      }
      if (current) out[current] += lines[i] + '\n';
    }
    return out;
  }

  it.each([...PERSPECTIVE_IDS])('%s: the chain reads as the role pages, or as the recorded variant', (p) => {
    const bySection = rowSections(...sections[p]);
    for (const r of charter.rows) {
      const section = bySection[r.id] ?? '';
      for (const s of cell(r.id, p)) {
        const matrixText = s.variants?.[0].text ?? s.text;
        expect({ id: s.id, found: pdfPattern(matrixText, false).test(section) }).toEqual({ id: s.id, found: true });
        if (s.variants)
          expect({ id: s.id, roleWordingInMatrix: pdfPattern(s.text, false).test(section) }).toEqual({
            id: s.id,
            roleWordingInMatrix: false,
          });
        expect(s.matrixPage).toBe(perspective(p).matrixPages[['alle', 'direktion', 'centerchef'].includes(r.id) ? 0 : 1]);
      }
    }
  });

  it('records exactly the 5 places where the wording differs, marked as the matrix pages’ wording', () => {
    const varied = allStatements().filter((s) => s.variants);
    expect(varied.map((s) => s.id).sort()).toEqual([
      'alle.driften.3',
      'direktion.driften.3',
      'leder-af-medarbejdere.resultaterne.4',
      'medarbejder.driften.1',
      'medarbejder.velfaerd.3',
    ]);
    for (const s of varied) {
      expect(s.variants).toHaveLength(1);
      expect(s.variants![0]).toMatchObject({ source: 'matrix', page: s.matrixPage });
      expect(s.variants![0].text).not.toBe(s.text);
    }
  });
});

describe('the rest of the charter is verbatim too', () => {
  const source = lines.join('\n');
  const prose = [
    ...charter.foreword.paragraphs,
    ...charter.readingGuide.paragraphs,
    ...charter.introduction.paragraphs,
    ...charter.introduction.list!,
    ...charter.newSynthesis.paragraphs,
    ...charter.newSynthesis.list!,
    charter.newSynthesis.book.prompt,
    charter.newSynthesis.book.citation,
    charter.centre.title,
    ...perspectives().map((p) => p.title),
  ];
  it.each(prose.map((p) => [p.slice(0, 40), p]))('%s…', (_label, paragraph) => {
    const words = paragraph
      .split(/\s+/)
      .map((w) => [...w].map(esc).join('(?:-?\\n\\s*)?'))
      .join('\\s+');
    expect(new RegExp(words).test(source)).toBe(true);
  });
});
