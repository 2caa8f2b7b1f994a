// One typed model of the charter for bot and tab alike. Pure data and
// functions only: the tab bundles this file, so no Node-only APIs here.
import raw from './charter.da.json';

export const PERSPECTIVE_IDS = ['driften', 'resultaterne', 'velfaerd', 'robust'] as const;
export const ROLE_IDS = ['direktion', 'centerchef', 'leder-af-ledere', 'leder-af-medarbejdere', 'medarbejder'] as const;
export const ROW_IDS = ['alle', ...ROLE_IDS] as const;

export type PerspectiveId = (typeof PERSPECTIVE_IDS)[number];
export type RoleId = (typeof ROLE_IDS)[number];
export type RowId = (typeof ROW_IDS)[number];

/** The wording of pp. 18–25 where it differs from the role pages. */
export interface Variant {
  source: 'matrix';
  page: number;
  text: string;
}

export interface Statement {
  /** Stable id: `<row>.<perspective>.<n>`, e.g. `medarbejder.driften.1`. */
  id: string;
  /** Verbatim from the role pages (pp. 8–17; pp. 6–7 for ALLE). */
  text: string;
  page: number;
  matrixPage: number;
  variants?: Variant[];
}

export interface Perspective {
  id: PerspectiveId;
  order: number;
  title: string;
  matrixTitle: string;
  syntheseName: 'Compliance' | 'Performance' | 'Emergens' | 'Resiliens';
  heading: string;
  contribution: string;
  color: { light: string; dark: string };
  cardStyle: 'accent' | 'warning' | 'good' | 'attention';
  matrixPages: number[];
  rolePages: 'first' | 'second';
  aliases: string[];
}

export interface Row {
  id: RowId;
  kind: 'everyone' | 'role';
  name: string;
  rolePageLabel?: string;
  matrixLabel: string;
  contributionPrefix?: 'Vores bidrag til' | 'Mit bidrag til';
  pages: number[];
  aliases: string[];
  statements: Record<PerspectiveId, Statement[]>;
}

export interface Role extends Row {
  id: RoleId;
  kind: 'role';
  rolePageLabel: string;
  contributionPrefix: 'Vores bidrag til' | 'Mit bidrag til';
}

export interface Section {
  title: string;
  paragraphs: string[];
  list?: string[];
  pages?: number[];
}

export interface Charter {
  name: string;
  title: string;
  organisation: string;
  source: string;
  centre: { title: string; pages: number[] };
  foreword: Section & {
    purposeParagraph: number;
    valuesParagraph: number;
    values: string[];
    history: { when: string; year: number; paragraph: number }[];
    signatories: { name: string; title: string }[];
  };
  readingGuide: Section;
  introduction: Section;
  perspectivesIntro: { title: string; pages: number[] };
  newSynthesis: Section & {
    book: { prompt: string; lead: string; title: string; authors: string[]; publisher: string; year: number; citation: string };
  };
  perspectives: Perspective[];
  rows: Row[];
}

// The JSON Schema test guarantees this shape; the cast only narrows string ids.
export const charter: Readonly<Charter> = raw as unknown as Charter;

const perspectiveById = new Map(charter.perspectives.map((p) => [p.id, p]));
const rowById = new Map(charter.rows.map((r) => [r.id, r]));
const statementById = new Map(charter.rows.flatMap((r) => PERSPECTIVE_IDS.map((p) => r.statements[p]).flat()).map((s) => [s.id, s]));

export const isPerspectiveId = (v: unknown): v is PerspectiveId => typeof v === 'string' && perspectiveById.has(v as PerspectiveId);
export const isRowId = (v: unknown): v is RowId => typeof v === 'string' && rowById.has(v as RowId);
export const isRoleId = (v: unknown): v is RoleId => isRowId(v) && v !== 'alle';

/** The four perspectives in the charter's order (Compliance, Performance, Emergens, Resiliens). */
export function perspectives(): readonly Perspective[] {
  return charter.perspectives;
}

export function perspective(id: PerspectiveId): Perspective {
  const p = perspectiveById.get(id);
  if (!p) throw new RangeError(`Unknown perspective: ${id}`);
  return p;
}

/** ALLE followed by the five roles, top of the organisation first. */
export function rows(): readonly Row[] {
  return charter.rows;
}

export function row(id: RowId): Row {
  const r = rowById.get(id);
  if (!r) throw new RangeError(`Unknown row: ${id}`);
  return r;
}

export function roles(): readonly Role[] {
  return charter.rows.filter((r): r is Role => r.kind === 'role');
}

export function role(id: RoleId): Role {
  return row(id) as Role;
}

/** The statements where one row meets one perspective. */
export function cell(rowId: RowId, perspectiveId: PerspectiveId): readonly Statement[] {
  return row(rowId).statements[perspective(perspectiveId).id];
}

export function statement(id: string): Statement | undefined {
  return statementById.get(id);
}

export function allStatements(): readonly Statement[] {
  return [...statementById.values()];
}

/** The role pages' heading, e.g. "Mit bidrag til en sikker drift". */
export function contributionHeading(roleId: RoleId, perspectiveId: PerspectiveId): string {
  return `${role(roleId).contributionPrefix} ${perspective(perspectiveId).contribution}`;
}

/** One role across all four perspectives, as on pp. 8–17. */
export function byRole(roleId: RowId): { perspective: Perspective; statements: readonly Statement[] }[] {
  return charter.perspectives.map((p) => ({ perspective: p, statements: cell(roleId, p.id) }));
}

/** The chain for one perspective, as on pp. 18–25: everyone → Direktion → … → Medarbejder. */
export function chain(perspectiveId: PerspectiveId): { row: Row; statements: readonly Statement[] }[] {
  return charter.rows.map((r) => ({ row: r, statements: cell(r.id, perspectiveId) }));
}

/** The whole matrix: rows × perspectives, each cell a list of statements. */
export function matrix(): { perspectives: readonly Perspective[]; rows: { row: Row; cells: (readonly Statement[])[] }[] } {
  return {
    perspectives: charter.perspectives,
    rows: charter.rows.map((r) => ({ row: r, cells: charter.perspectives.map((p) => r.statements[p.id]) })),
  };
}

/** Where a statement id points: its row and perspective. */
export function locate(statementId: string): { row: Row; perspective: Perspective } | undefined {
  const [rowId, perspectiveId] = statementId.split('.');
  if (!statementById.has(statementId) || !isRowId(rowId) || !isPerspectiveId(perspectiveId)) return undefined;
  return { row: row(rowId), perspective: perspective(perspectiveId) };
}
