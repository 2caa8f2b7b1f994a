// From what someone types in the compose box's search to the statements
// they may mean, best first. The same reading as the bot's (recognizer, then
// the shared search), so "mit bidrag til driften" is the asker's own cell
// and "kompetenceudviklng" still finds kompetenceudvikling. Pure.
import { byRole, cell, chain, isRowId, type PerspectiveId, type RoleId, type RowId, type Statement } from '../../data/charter';
import { recognize, type Recognition } from '../../data/language/recognizer';
import { searchConcepts, searchStatements } from '../../data/language/search';

export interface Found {
  row: RowId;
  perspective: PerspectiveId;
  statement: Statement;
}

/** Teams lists 25 results without paging well; more is noise. */
export const MAX_RESULTS = 25;
/** What is read of a query: a question's worth. The edge refuses longer ones. */
export const MAX_QUERY_CHARS = 500;

const inCell = (row: RowId, perspective: PerspectiveId): Found[] =>
  cell(row, perspective).map((statement) => ({ row, perspective, statement }));

/** A perspective's statements, one row first (the asker's, or the one asked about), then the chain's order. */
function perspectiveFirst(perspective: PerspectiveId, first?: RowId): Found[] {
  const order = chain(perspective).map((c) => c.row.id);
  const sorted = first ? [first, ...order.filter((r) => r !== first)] : order;
  return sorted.flatMap((r) => inCell(r, perspective));
}

const wholeRow = (row: RowId): Found[] =>
  byRole(row).flatMap(({ perspective, statements }) => statements.map((statement) => ({ row, perspective: perspective.id, statement })));

/** With nothing typed: the asker's own statements, or what everyone commits to as a place to start. */
export function startingPoints(role?: RoleId): Found[] {
  return wholeRow(role ?? 'alle');
}

/** What a recognition names, before any free-text search; empty when it names no statements. */
function named(r: Recognition, role?: RoleId): Found[] {
  const s = r.slots;
  // "My"/"our" is the asker's role when it is known; "our" without one is everyone.
  const who = s.self ? (role ?? (s.our ? 'alle' : undefined)) : s.role;
  const rowId = who && isRowId(who) ? who : undefined;
  switch (r.intent) {
    case 'cell':
      return s.perspective ? perspectiveFirst(s.perspective, rowId) : [];
    case 'perspective':
      return s.perspective ? perspectiveFirst(s.perspective, role) : [];
    case 'chain':
      return s.perspective ? perspectiveFirst(s.perspective) : [];
    case 'role':
      return rowId ? wholeRow(rowId) : [];
    case 'topic': {
      const filter = s.self && rowId ? { rows: rowId === 'alle' ? [rowId] : [rowId, 'alle' as const] } : {};
      return searchConcepts(s.terms ?? [], filter).hits.map((h) => ({ row: h.row, perspective: h.perspective, statement: h.statement }));
    }
    default:
      return [];
  }
}

/** The statements a query finds, best first, at most MAX_RESULTS, each once. */
export function findStatements(query: string, asker: { role?: RoleId; locale?: string } = {}): Found[] {
  const text = query.slice(0, MAX_QUERY_CHARS).trim();
  if (!text) return startingPoints(asker.role);
  const recognition = recognize(text, { locale: asker.locale });
  let found = named(recognition, asker.role);
  // Greetings, "værdier", a role named with nothing else…: the words themselves are searched.
  if (!found.length) found = searchStatements(text).hits.map((h) => ({ row: h.row, perspective: h.perspective, statement: h.statement }));
  const seen = new Set<string>();
  return found.filter((f) => !seen.has(f.statement.id) && seen.add(f.statement.id)).slice(0, MAX_RESULTS);
}
