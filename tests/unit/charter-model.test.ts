import fs from 'node:fs';
import path from 'node:path';
import {
  PERSPECTIVE_IDS,
  ROLE_IDS,
  ROW_IDS,
  allStatements,
  byRole,
  cell,
  chain,
  charter,
  contributionHeading,
  isPerspectiveId,
  isRoleId,
  locate,
  matrix,
  perspective,
  perspectives,
  role,
  roles,
  rows,
  statement,
} from '../../data/charter';

describe('charter model: counts', () => {
  it('has 4 perspectives, 6 rows (ALLE + 5 roles) and 92 statements', () => {
    expect(perspectives().map((p) => p.id)).toEqual(['driften', 'resultaterne', 'velfaerd', 'robust']);
    expect(rows().map((r) => r.id)).toEqual(['alle', 'direktion', 'centerchef', 'leder-af-ledere', 'leder-af-medarbejdere', 'medarbejder']);
    expect(roles()).toHaveLength(5);
    expect(allStatements()).toHaveLength(92);
    for (const p of PERSPECTIVE_IDS) {
      expect(cell('alle', p)).toHaveLength(3);
      for (const r of ROLE_IDS) expect(cell(r, p)).toHaveLength(4);
    }
  });

  it('gives every statement a unique id derived from its place', () => {
    const ids = allStatements().map((s) => s.id);
    expect(new Set(ids).size).toBe(92);
    for (const r of ROW_IDS) for (const p of PERSPECTIVE_IDS) cell(r, p).forEach((s, i) => expect(s.id).toBe(`${r}.${p}.${i + 1}`));
  });

  it('keeps ids stable: known ids still point at the same words', () => {
    expect(statement('medarbejder.driften.1')?.text).toMatch(/^Jeg engagerer mig i mit team/);
    expect(statement('direktion.resultaterne.1')?.text).toMatch(/^Direktionen omsætter visioner/);
    expect(statement('alle.robust.2')?.text).toBe('Vi uddanner os med fokus på kerneopgaverne.');
    expect(statement('leder-af-ledere.velfaerd.4')?.text).toMatch(/^Jeg identificerer og skaber muligheder/);
    expect(statement('centerchef.robust.3')?.text).toBe('Med klare processer og værktøjer opnår jeg nye standarder.');
  });

  it('names the perspectives as the charter and Den Nye Syntese do', () => {
    expect(perspectives().map((p) => [p.title, p.syntheseName, p.heading])).toEqual([
      ['Sammen sikrer vi driften', 'Compliance', 'driften'],
      ['Sammen styrker vi resultaterne', 'Performance', 'resultaterne'],
      ['Sammen skaber vi velfærd', 'Emergens', 'velfærd'],
      ['Sammen udvikler vi en robust organisation', 'Resiliens', 'en robust organisation'],
    ]);
    for (const p of perspectives()) expect(p.title.endsWith(p.heading)).toBe(true);
  });

  it('gives every role its display name, contribution phrasing and aliases', () => {
    expect(roles().map((r) => r.name)).toEqual(['Direktion', 'Centerchef', 'Leder af ledere', 'Leder af medarbejdere', 'Medarbejder']);
    expect(role('direktion').contributionPrefix).toBe('Vores bidrag til');
    for (const r of ROLE_IDS.slice(1)) expect(role(r).contributionPrefix).toBe('Mit bidrag til');
    expect(role('direktion').aliases).toContain('direktør');
    expect(role('leder-af-medarbejdere').aliases).toEqual(expect.arrayContaining(['teamleder', 'team leader']));
    expect(role('medarbejder').aliases).toEqual(expect.arrayContaining(['ansat', 'employee']));
    const all = rows().flatMap((r) => r.aliases);
    expect(new Set(all).size).toBe(all.length);
  });
});

describe('charter model: lookups', () => {
  it('cell returns the statements where a row meets a perspective', () => {
    expect(cell('centerchef', 'velfaerd').map((s) => s.id)).toEqual([1, 2, 3, 4].map((n) => `centerchef.velfaerd.${n}`));
    expect(() => cell('chef' as never, 'driften')).toThrow(RangeError);
    expect(() => perspective('drift' as never)).toThrow(RangeError);
  });

  it('byRole gives one role across the four perspectives (pp. 8–17)', () => {
    const mine = byRole('medarbejder');
    expect(mine.map((x) => x.perspective.id)).toEqual([...PERSPECTIVE_IDS]);
    expect(mine.every((x) => x.statements.every((s) => s.id.startsWith('medarbejder.')))).toBe(true);
  });

  it('chain gives one perspective from everyone down to Medarbejder (pp. 18–25)', () => {
    const c = chain('robust');
    expect(c.map((x) => x.row.id)).toEqual([...ROW_IDS]);
    expect(c.flatMap((x) => x.statements)).toHaveLength(23);
    expect(c.every((x) => x.statements.every((s) => s.id.split('.')[1] === 'robust'))).toBe(true);
  });

  it('matrix is 6 rows × 4 perspectives covering all 92 statements once', () => {
    const m = matrix();
    expect(m.rows).toHaveLength(6);
    expect(m.rows.every((r) => r.cells.length === 4)).toBe(true);
    expect(
      m.rows
        .flatMap((r) => r.cells.flat())
        .map((s) => s.id)
        .sort(),
    ).toEqual(
      allStatements()
        .map((s) => s.id)
        .sort(),
    );
  });

  it('contributionHeading reproduces the role pages’ headings', () => {
    expect(contributionHeading('direktion', 'resultaterne')).toBe('Vores bidrag til styrkede resultater');
    expect(contributionHeading('medarbejder', 'driften')).toBe('Mit bidrag til en sikker drift');
    expect(contributionHeading('centerchef', 'velfaerd')).toBe('Mit bidrag til at skabe velfærd');
    expect(contributionHeading('leder-af-ledere', 'robust')).toBe('Mit bidrag til en robust organisation');
  });

  it('locate and the type guards resolve ids', () => {
    expect(locate('leder-af-medarbejdere.resultaterne.4')).toMatchObject({
      row: { id: 'leder-af-medarbejdere' },
      perspective: { id: 'resultaterne' },
    });
    expect(locate('medarbejder.driften.9')).toBeUndefined();
    expect(isPerspectiveId('velfaerd')).toBe(true);
    expect(isPerspectiveId('velfærd')).toBe(false);
    expect(isRoleId('alle')).toBe(false);
    expect(isRoleId('centerchef')).toBe(true);
  });

  it('holds the rest of the charter a user may ask about', () => {
    expect(charter.centre.title).toBe('Borgere og lokalsamfund');
    expect(charter.foreword.values).toEqual(['dialog', 'åbenhed', 'engagement']);
    expect(charter.foreword.paragraphs[charter.foreword.valuesParagraph]).toContain('dialog, åbenhed og engage');
    for (const h of charter.foreword.history) expect(charter.foreword.paragraphs[h.paragraph]).toContain(h.when);
    expect(charter.foreword.signatories.map((s) => s.name)).toEqual(['Susan Bjerregaard', 'Nich Bendtsen', 'Gert Stephan Nelth']);
    expect(charter.readingGuide.paragraphs).toHaveLength(4);
    expect(charter.newSynthesis.book).toMatchObject({
      authors: ['Jocelyne Bourgon', 'Kristian Dahl'],
      year: 2017,
      publisher: 'Dansk Psykologisk Forlag',
    });
  });
});

describe('charter model runs in the browser', () => {
  it('imports nothing from Node: only relative data files', () => {
    const src = fs.readFileSync(path.join(__dirname, '../../data/charter.ts'), 'utf8');
    const imports = [...src.matchAll(/(?:import|require)\s*(?:[^'"]*from\s*)?\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);
    expect(imports).toEqual(['./charter.da.json']);
    expect(src).not.toMatch(/\bprocess\.|\bBuffer\b|__dirname/);
  });
});
