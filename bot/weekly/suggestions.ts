import type { PerspectiveId } from '../../data/charter';

/** Reflection questions a leader can start from (the leader's own words, not the charter's). */
export const SUGGESTIONS: Record<PerspectiveId, string[]> = {
  driften: [
    'Hvor er opgave- og ansvarsfordelingen tydelig hos os – og hvor er den ikke?',
    'Hvilken regel eller procedure skal vi blive bedre til at følge?',
    'Hvordan ved vi, at kvaliteten i kerneopgaven er høj nok?',
  ],
  resultaterne: [
    'Hvilket mål har vi fulgt op på i denne uge?',
    'Hvad har vi lært af en fejl for nylig?',
    'Hvor kan vi gøre mere for mindre sammen med borgerne?',
  ],
  velfaerd: [
    'Hvor samarbejdede vi på tværs i denne uge?',
    'Hvilken borger eller samarbejdspartner kunne vi inddrage mere?',
    'Hvilken ny mulighed i lokalsamfundet kunne vi gribe?',
  ],
  robust: [
    'Hvad giver os arbejdsglæde lige nu?',
    'Hvilken kompetence vil vi styrke i det næste halve år?',
    'Hvilken forandring kan blive en udviklingsmulighed for os?',
  ],
};
