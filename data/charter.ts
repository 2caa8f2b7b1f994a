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

/** True when `v` is one of `list`: narrows JSON strings to the charter's literal types. */
const oneOf = <T extends string>(list: readonly T[], v: unknown): v is T =>
  typeof v === 'string' && (list as readonly string[]).includes(v);

/** Fails loudly, at load, on a value the types do not allow. */
function literal<T extends string>(list: readonly T[], v: unknown, where: string): T {
  if (oneOf(list, v)) return v;
  throw new Error(`charter.da.json: ${where} is ${JSON.stringify(v)}, expected one of ${list.join(', ')}`);
}

type RawRow = (typeof raw.rows)[number];
type RawStatement = RawRow['statements']['driften'][number];

function loadStatement(s: RawStatement): Statement {
  const { variants, ...rest } = 'variants' in s ? s : { ...s, variants: undefined };
  if (!variants) return rest;
  return { ...rest, variants: variants.map((v) => ({ ...v, source: literal(['matrix'] as const, v.source, `${s.id} variant source`) })) };
}

function loadRow(r: RawRow): Row {
  const { contributionPrefix, ...rest } = 'contributionPrefix' in r ? r : { ...r, contributionPrefix: undefined };
  return {
    ...rest,
    id: literal(ROW_IDS, r.id, 'a row id'),
    kind: literal(['everyone', 'role'] as const, r.kind, `${r.id} kind`),
    ...(contributionPrefix !== undefined && {
      contributionPrefix: literal(['Vores bidrag til', 'Mit bidrag til'] as const, contributionPrefix, `${r.id} contributionPrefix`),
    }),
    statements: {
      driften: r.statements.driften.map(loadStatement),
      resultaterne: r.statements.resultaterne.map(loadStatement),
      velfaerd: r.statements.velfaerd.map(loadStatement),
      robust: r.statements.robust.map(loadStatement),
    },
  };
}

/**
 * TypeScript already checks the JSON's structure at compile time; only the
 * string literals (ids, kinds, styles) need checking as the file is read.
 * The full JSON Schema is checked at the server's start (bot/charter-check.ts)
 * and in the tests.
 */
function load(json: typeof raw): Charter {
  return {
    ...json,
    perspectives: json.perspectives.map((p) => ({
      ...p,
      id: literal(PERSPECTIVE_IDS, p.id, 'a perspective id'),
      syntheseName: literal(['Compliance', 'Performance', 'Emergens', 'Resiliens'] as const, p.syntheseName, `${p.id} syntheseName`),
      cardStyle: literal(['accent', 'warning', 'good', 'attention'] as const, p.cardStyle, `${p.id} cardStyle`),
      rolePages: literal(['first', 'second'] as const, p.rolePages, `${p.id} rolePages`),
    })),
    rows: json.rows.map(loadRow),
  };
}

export const charter: Readonly<Charter> = load(raw);

const perspectiveById = new Map(charter.perspectives.map((p) => [p.id, p]));
const rowById = new Map(charter.rows.map((r) => [r.id, r]));
const statementById = new Map(charter.rows.flatMap((r) => PERSPECTIVE_IDS.map((p) => r.statements[p]).flat()).map((s) => [s.id, s]));

export const isPerspectiveId = (v: unknown): v is PerspectiveId => oneOf(PERSPECTIVE_IDS, v);
export const isRowId = (v: unknown): v is RowId => oneOf(ROW_IDS, v);
export const isRoleId = (v: unknown): v is RoleId => oneOf(ROLE_IDS, v);

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
  return charter.rows.filter(isRole);
}

const isRole = (r: Row): r is Role => r.kind === 'role' && r.rolePageLabel !== undefined && r.contributionPrefix !== undefined;

export function role(id: RoleId): Role {
  const r = row(id);
  if (!isRole(r)) throw new RangeError(`Not a role: ${id}`);
  return r;
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
