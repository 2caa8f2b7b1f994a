// The language code's cost is bounded whatever a message holds: markup is
// stripped in one pass (same result as the old regexes, without their
// quadratic backtracking), and only so many words, of sane length, are read.
import fc from 'fast-check';
import { splitCompound } from '../../data/language/search';
import { MAX_READ, MAX_TOKENS, MAX_WORD, stripMentions, tokenize } from '../../data/language/text';

/** The regexes stripMentions used to run: the reference for what it must return. */
const byRegex = (text: string) =>
  text
    .replace(/<at\b[^>]*>.*?<\/at>/gis, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

describe('stripMentions', () => {
  it.each([
    ['<at>Hvidovrevejen</at> hvad er emergens?', 'hvad er emergens?'],
    ['<at id="0">Hvidovrevejen</at>&nbsp;hej', 'hej'],
    ['<AT>Bot</AT> hej <p>med</p> dig', 'hej med dig'],
    ['<at>Bot</at> og <at>Anne</at> tak', 'og tak'],
    ['<attention>x</attention>', 'x'],
    ['a < b og c > d', 'a d'],
    ['<<<<', '<<<<'],
    ['<>', '<>'],
    ['<at>ingen slutning', 'ingen slutning'],
    ['<at x="1"', '<at x="1"'],
    ['linje\n<at>\nBot\n</at>\nto', 'linje to'],
  ])('strips %j to %j', (input, expected) => {
    expect(stripMentions(input)).toBe(expected);
    expect(byRegex(input)).toBe(expected);
  });

  it('returns what the regexes returned, for any mix of markup', () => {
    const pieces = fc.constantFrom(
      '<',
      '>',
      '/',
      'a',
      't',
      'A',
      'T',
      ' ',
      '\n',
      'x',
      '_',
      '1',
      '<at>',
      '</at>',
      '<AT id="1">',
      '&nbsp;',
      '<at',
      'æ',
    );
    fc.assert(
      fc.property(
        fc.array(pieces, { maxLength: 30 }).map((p) => p.join('')),
        (text) => stripMentions(text) === byRegex(text),
      ),
      { numRuns: 20_000, seed: 7 },
    );
  });

  it.each([
    ['250 KB of "<"', '<'.repeat(250 * 1024)],
    ['"<at " repeated', '<at '.repeat(60_000)],
    ['"<at>" repeated without a close', '<at>'.repeat(60_000)],
    ['"<at>x</a" repeated', '<at>x</a'.repeat(30_000)],
  ])('handles %s in linear time (the regexes took a minute)', (_name, text) => {
    const started = Date.now();
    stripMentions(text);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('tokenize', () => {
  it('ignores words longer than MAX_WORD characters', () => {
    expect(tokenize(`hej ${'x'.repeat(MAX_WORD + 1)} ${'y'.repeat(MAX_WORD)} med dig`).map((t) => t.word)).toEqual([
      'hej',
      'y'.repeat(MAX_WORD),
      'med',
      'dig',
    ]);
  });

  it('reads at most MAX_TOKENS words', () => {
    expect(tokenize('ord '.repeat(1000))).toHaveLength(MAX_TOKENS);
  });

  it('reads only the first MAX_READ characters', () => {
    expect(tokenize(`${' '.repeat(MAX_READ)} centerchef`)).toEqual([]);
    expect(tokenize(`${' '.repeat(MAX_READ - 20)} centerchef`).map((t) => t.word)).toEqual(['centerchef']);
  });
});

describe('splitCompound', () => {
  it('still splits compounds, and leaves a word over MAX_WORD characters alone', () => {
    expect(splitCompound('borgerinddragelse')).toEqual(['borger', 'inddragelse']);
    expect(splitCompound('borger'.repeat(11))).toBeUndefined();
  });
});
