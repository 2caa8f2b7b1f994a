// The recognizer's decision table (data/language/decisions.json): valid
// against its schema, and every row decides some question. And the words:
// the recognizer's code holds none; they are all in data/.
import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import schema from '../../data/language/decisions.schema.json';
import table from '../../data/language/decisions.json';
import { decisions } from '../../data/language/decide';
import { recognizeUncached } from '../../data/language/recognizer';
import { loadSets } from '../helpers/question-sets';

/** Questions for rows the question sets do not reach (contrived on purpose: they are the table's corners). */
const CORNERS = [
  '',
  'ugens perspektiv',
  'skift rolle medarbejder',
  'hvad gør centerchefen for driften og resultaterne',
  'hvad gør direktionen og centerchefen for driften',
  'direktionen og centerchefen',
  'hvad er centerchefens ansvar for ferie og qwxyz',
  'løn værdier og ansvar for feedback',
  'jeg?',
  // Den Nye Syntese asked about beside an open leader word (the sets' questions of this kind now name the role).
  'hvad siger den nye syntese om lederne',
];

describe('the decision table', () => {
  it('is valid against its schema', () => {
    const validate = new Ajv({ allErrors: true }).compile(schema);
    expect(validate(table) ? [] : validate.errors).toEqual([]);
    expect(new Set(decisions.map((r) => r.id)).size).toBe(decisions.length);
  });

  it('has no row that never decides: each is the first match for some question', () => {
    const questions = [...loadSets().map((q) => q.q), ...CORNERS];
    const decided = new Set(questions.map((q) => recognizeUncached(q.replace(/<at>[^<]*<\/at>/g, '')).row));
    expect(decisions.map((r) => r.id).filter((id) => !decided.has(id))).toEqual([]);
  });

  it('ends with a row that always applies', () => {
    expect(decisions[decisions.length - 1].when).toEqual({});
  });
});

describe('the recognizer’s words', () => {
  const dir = path.join(__dirname, '../../data/language');
  // Names the code may spell: slot, feature, score and intent names, and the charter's ids.
  const names = new Set<string>(
    JSON.stringify(schema)
      .match(/"[$a-zA-Z-]+"/g)!
      .map((s) => s.slice(1, -1)),
  );
  for (const id of ['alle', 'da', 'en', 'roles', 'ambiguousRoles', 'setRoleTargets', 'string', 'boolean', 'followUp']) names.add(id);
  // Names of the APIs the code calls, not words: minisearch's operators and field, Unicode's NFC, Teams' <at> tag.
  for (const api of ['OR', 'AND', 'text', 'NFC', 'at']) names.add(api);

  it.each(fs.readdirSync(dir).filter((f) => f.endsWith('.ts')))('%s spells no word a person types', (file) => {
    const code = fs
      .readFileSync(path.join(dir, file), 'utf8')
      .replace(/\/\/.*$/gm, '')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/^import [\s\S]*? from '[^']*';$/gm, '');
    // A "literal" with a call in it is code between two quotes, not a string.
    const literals = [...code.matchAll(/'((?:[^'\\\n]|\\.)*)'/g)].map((m) => m[1]).filter((l) => !l.includes('('));
    const words = literals.flatMap((l) => l.match(/\p{L}{2,}/gu) ?? []).filter((w) => !names.has(w));
    expect(words).toEqual([]);
  });
});
