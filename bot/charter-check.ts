// The charter file against its JSON Schema, once at start-up: a damaged
// data/charter.da.json stops the server with the reasons, before anyone is
// quoted a wrong word. (The shared model checks only its literal ids, so the
// tab does not carry a schema validator.)
import Ajv from 'ajv';
import schema from '../data/charter.schema.json';
import data from '../data/charter.da.json';

export class CharterInvalidError extends Error {
  constructor(readonly problems: string[]) {
    super(`data/charter.da.json does not match data/charter.schema.json:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'CharterInvalidError';
  }
}

/** Throws CharterInvalidError listing the first problems; `json` defaults to the bundled charter. */
export function checkCharter(json: unknown = data): void {
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
  if (validate(json)) return;
  throw new CharterInvalidError((validate.errors ?? []).slice(0, 10).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`));
}
