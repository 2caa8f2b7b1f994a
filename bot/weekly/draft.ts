// What a compose or preview card sends back. It comes from the client
// (Action.Execute and Action.Submit merge the card's inputs into the data),
// so every field is checked and bounded before use; a forged value is read
// like any other input and never widens what the sender may do.
import { isPerspectiveId, type PerspectiveId } from '../../data/charter';
import { perspectiveIndex, readQuestion } from '../../data/language/lexicon';
import { DEFAULT_ROTATION } from './schedule';
import { channelOf } from './store';

export interface Draft {
  channel: string;
  perspective?: PerspectiveId;
  question?: string;
  note?: string;
  weekday: string;
  time: string;
  rotation: string;
  skipWeeks: string;
  alsoThisWeek: boolean;
}

/** A preview's "Send": exactly the post that was shown, and an id so a second click sends nothing. */
export interface PostDraft {
  channel: string;
  perspective: PerspectiveId;
  question?: string;
  note?: string;
  id: string;
}

export const QUESTION_MAX = 300;
export const NOTE_MAX = 600;
const str = (v: unknown, max: number) => (typeof v === 'string' ? v.trim().slice(0, max) : '');
const optional = (v: unknown, max: number) => str(v, max) || undefined;

export function readDraft(v: Record<string, unknown>): Draft {
  return {
    channel: channelOf(str(v.channel, 300)),
    perspective: isPerspectiveId(v.perspective) ? v.perspective : undefined,
    question: optional(v.question, QUESTION_MAX),
    note: optional(v.note, NOTE_MAX),
    weekday: str(v.weekday, 2),
    time: str(v.time, 5),
    rotation: str(v.rotation, 200),
    skipWeeks: str(v.skipWeeks, 200),
    alsoThisWeek: v.alsoThisWeek === 'true' || v.alsoThisWeek === true,
  };
}

/** A previewed post (perspective, question, note, channel), or undefined when any part is missing or malformed. */
export function readPost(value: unknown): Omit<PostDraft, 'id'> | undefined {
  const p = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  if (!p || !isPerspectiveId(p.perspective) || typeof p.channel !== 'string') return undefined;
  if ((p.question !== undefined && typeof p.question !== 'string') || (p.note !== undefined && typeof p.note !== 'string'))
    return undefined;
  return {
    channel: channelOf(str(p.channel, 300)),
    perspective: p.perspective,
    question: optional(p.question, QUESTION_MAX),
    note: optional(p.note, NOTE_MAX),
  };
}

/** A preview's Send: the post and the id that makes a second click send nothing. */
export function readPostDraft(v: Record<string, unknown>): PostDraft | undefined {
  const post = readPost(v.post);
  return post && typeof v.draftId === 'string' && /^[A-Za-z0-9-]{8,64}$/.test(v.draftId) ? { ...post, id: v.draftId } : undefined;
}

/** "7, 29 30" → [7, 29, 30]: week numbers 1–53, each once. */
export const parseSkipWeeks = (text: string): number[] => [
  ...new Set(
    text
      .split(/[\s,;]+/)
      .map(Number)
      .filter((n) => Number.isInteger(n) && n >= 1 && n <= 53),
  ),
];

/** "driften, velfærd, robust" → perspective ids in that order; empty or unreadable → the charter's order. */
export function parseRotation(text: string): PerspectiveId[] {
  const ids = text
    .split(/[,;\n→>]+/)
    .map((part) => perspectiveIndex.hits(readQuestion(part)).sort((a, b) => b.hit.score - a.hit.score)[0]?.item[0])
    .filter((id): id is PerspectiveId => isPerspectiveId(id));
  const unique = [...new Set(ids)];
  return unique.length ? unique : [...DEFAULT_ROTATION];
}
