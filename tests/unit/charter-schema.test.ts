import Ajv from 'ajv';
import schema from '../../data/charter.schema.json';
import data from '../../data/charter.da.json';
import { CharterInvalidError, checkCharter } from '../../bot/charter-check';

const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
const clone = () => JSON.parse(JSON.stringify(data));

describe('charter.da.json against charter.schema.json', () => {
  it('is valid', () => {
    const ok = validate(data);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('rejects a statement without text', () => {
    const bad = clone();
    delete bad.rows[5].statements.driften[0].text;
    expect(validate(bad)).toBe(false);
  });

  it('rejects a fifth perspective, a missing row and an unknown colour format', () => {
    const extra = clone();
    extra.perspectives.push({ ...extra.perspectives[0] });
    expect(validate(extra)).toBe(false);
    const missing = clone();
    missing.rows.pop();
    expect(validate(missing)).toBe(false);
    const colour = clone();
    colour.perspectives[0].color.light = 'blue';
    expect(validate(colour)).toBe(false);
  });

  it('rejects a role without its contribution phrasing, and text with stray whitespace', () => {
    const noPrefix = clone();
    delete noPrefix.rows[1].contributionPrefix;
    expect(validate(noPrefix)).toBe(false);
    const padded = clone();
    padded.rows[1].statements.velfaerd[0].text += ' ';
    expect(validate(padded)).toBe(false);
  });
});

describe("the server's start-up check", () => {
  it('accepts the bundled charter', () => {
    expect(() => checkCharter()).not.toThrow();
  });

  it('refuses a damaged charter, naming where', () => {
    const bad = clone();
    bad.rows[5].statements.driften[0].page = 'otte';
    let err: unknown;
    try {
      checkCharter(bad);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(CharterInvalidError);
    expect((err as Error).message).toContain('/rows/5/statements/driften/0/page');
  });
});
