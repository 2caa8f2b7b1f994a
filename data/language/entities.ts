// Finds the roles and perspectives a question names. Longer phrases win
// ("leder af medarbejdere" over "medarbejdere"), and a word is used once.
import type { RoleWord } from './lexicon';
import type { PhraseHit, PhraseIndex, Question } from './text';

export interface EntityHit {
  targets: string[];
  /** The job title this hit is, if it is one. */
  title?: string;
  /** A role named relative to an asker whose role is not known ("min leder"): the relation, resolved once it is. */
  relation?: string;
  score: number;
  start: number;
  end: number;
}

/** Hits of `index` in the question; `reject` drops a candidate before it takes its words. */
export function findEntities(
  q: Question,
  index: PhraseIndex<RoleWord> | PhraseIndex<string[]>,
  used: Set<number> = new Set(),
  reject: (hit: EntityHit) => boolean = () => false,
): EntityHit[] {
  const hits: { item: RoleWord | string[]; hit: PhraseHit }[] = index.hits(q);
  const candidates: EntityHit[] = hits.map(({ item, hit }) => ({ ...(Array.isArray(item) ? { targets: item } : item), ...hit }));
  candidates.sort(
    (a, b) => b.end - b.start - (a.end - a.start) || b.score - a.score || a.targets.length - b.targets.length || a.start - b.start,
  );
  const accepted: EntityHit[] = [];
  for (const c of candidates) {
    let free = true;
    for (let i = c.start; i < c.end; i++) if (used.has(i)) free = false;
    if (!free || reject(c)) continue;
    for (let i = c.start; i < c.end; i++) used.add(i);
    accepted.push(c);
  }
  return accepted.sort((a, b) => a.start - b.start);
}

export interface Target {
  id: string;
  score: number;
  ambiguous: string[] | undefined;
  title?: string;
}

/** Distinct targets across hits, with the best score each. */
export function distinctTargets(hits: EntityHit[]): Target[] {
  const out = new Map<string, Target>();
  for (const h of hits) {
    const key = h.targets.join('|');
    const prev = out.get(key);
    if (!prev || h.score > prev.score)
      out.set(key, { id: h.targets[0], score: h.score, ambiguous: h.targets.length > 1 ? h.targets : undefined, title: h.title });
  }
  return [...out.values()];
}
