// A phrase quoted from the charter is found word for word; other words in
// the question search among the statements that say it.
import { recognize } from '../../data/language/recognizer';
import { searchConcepts, statementsSaying } from '../../data/language/search';

describe('quoted phrases', () => {
  it('finds the statements that say a phrase word for word', () => {
    expect(statementsSaying('opgaven sætter holdet').sort()).toEqual(['leder-af-medarbejdere.robust.4', 'medarbejder.robust.4']);
  });

  it.each([
    ["hvad betyder 'opgaven sætter holdet'??", 'da-DK'],
    ['what does "opgaven sætter holdet" mean?', 'en-US'],
    ['hvad betyder “opgaven sætter holdet”', 'da-DK'],
  ])('%s → the statements that say it', (q, locale) => {
    const r = recognize(q, { locale });
    expect(r.intent).toBe('topic');
    const ids = searchConcepts(r.slots.terms ?? []).hits.map((h) => h.statement.id);
    expect(ids.sort()).toEqual(statementsSaying('opgaven sætter holdet').sort());
  });

  it('a quote the charter does not say is read as ordinary words', () => {
    expect(statementsSaying('kaffe i kantinen')).toEqual([]);
    const r = recognize("hvad betyder 'kaffe i kantinen'?", { locale: 'da-DK' });
    expect(r.slots.terms?.some((g) => g.some((w) => w.includes(' ')))).toBeFalsy();
  });
});
