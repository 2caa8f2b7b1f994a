// The typo search skips a vocabulary word when lettersApart says it is too far
// away; that is only safe if the bound never exceeds the real edit distance.
import fc from 'fast-check';
import { editDistance, letters, lettersApart } from '../../data/language/text';

const word = fc.string({ unit: fc.constantFrom(...'abdeklnorstæøå'.split('')), minLength: 0, maxLength: 12 });

describe('lettersApart', () => {
  it('never exceeds the edit distance (including swaps)', () => {
    fc.assert(
      fc.property(word, word, (a, b) => lettersApart(letters(a), letters(b)) <= editDistance(a, b, 24)),
      { numRuns: 5000 },
    );
  });

  it('rules out words that share few letters', () => {
    expect(lettersApart(letters('fredag'), letters('fridag'))).toBe(1);
    expect(lettersApart(letters('velfærd'), letters('kompetence'))).toBeGreaterThan(2);
  });
});
