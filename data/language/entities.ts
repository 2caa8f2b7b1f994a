// Finds the roles and perspectives a question names. Longer phrases win
// ("leder af medarbejdere" over "medarbejdere"), and a word is used once.
import type { PhraseIndex, Question } from './text';

export interface EntityHit {
  targets: string[];
  score: number;
  start: number;
  end: number;
}

export function findEntities(q: Question, index: PhraseIndex<string[]>, used: Set<number> = new Set()): EntityHit[] {
  const candidates: EntityHit[] = index.hits(q).map(({ item, hit }) => ({ targets: item, ...hit }));
  candidates.sort(
    (a, b) => b.end - b.start - (a.end - a.start) || b.score - a.score || a.targets.length - b.targets.length || a.start - b.start,
  );
  const accepted: EntityHit[] = [];
  for (const c of candidates) {
    let free = true;
    for (let i = c.start; i < c.end; i++) if (used.has(i)) free = false;
    if (!free) continue;
    for (let i = c.start; i < c.end; i++) used.add(i);
    accepted.push(c);
  }
  return accepted.sort((a, b) => a.start - b.start);
}

/** Distinct targets across hits, with the best score each. */
export function distinctTargets(hits: EntityHit[]): { id: string; score: number; ambiguous: string[] | undefined }[] {
  const out = new Map<string, { id: string; score: number; ambiguous: string[] | undefined }>();
  for (const h of hits) {
    const key = h.targets.join('|');
    const prev = out.get(key);
    if (!prev || h.score > prev.score)
      out.set(key, { id: h.targets[0], score: h.score, ambiguous: h.targets.length > 1 ? h.targets : undefined });
  }
  return [...out.values()];
}
