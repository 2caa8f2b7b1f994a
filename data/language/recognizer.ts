// Reads a question about the charter and says what is asked: an intent,
// its slots and a confidence. Two steps: frame.ts finds what was said,
// decide.ts looks it up in the decision table (decisions.json). Pure and
// browser-safe; the bot and the tab's search both use it. A wrong answer is
// worse than asking back, so weak or ambiguous readings come with
// alternatives for "Mente du …?". Follow-ups are resolved against the
// conversation by follow-up.ts.
import { boundedCache } from '../bounded-cache';
import type { PerspectiveId, RoleId, RowId } from '../charter';
import { decide } from './decide';
import { extractFrame } from './frame';
import { localeLanguage, type Language } from './language';

export type Intent =
  | 'cell'
  | 'role'
  | 'perspective'
  | 'chain'
  | 'topic'
  | 'overview'
  | 'synthesis'
  | 'values'
  | 'about'
  | 'setRole'
  | 'showRole'
  | 'changeRole'
  | 'help'
  | 'greeting'
  | 'thanks'
  | 'outOfScope'
  | 'unknown'
  | 'weekly';

export interface Slots {
  role?: RowId;
  perspective?: PerspectiveId;
  /** "my role": resolved with the user's stored role. */
  self?: boolean;
  /** "our": the user's stored role when known, else everyone. Comes with `self`. */
  our?: boolean;
  /** Topic search words (groups of alternatives). */
  terms?: string[][];
  /** The question also said who the user is ("Jeg er centerchef, hvad …"). */
  alsoSetRole?: RoleId;
  /** The job title the role was named by ("pædagog"), said back with its charter role. */
  title?: string;
  /** With `self` on a topic: said outright ("mit ansvar", "for mig"), so the asker's own statements only. */
  own?: boolean;
  /** A topic among the roles an open word means ("lederen": Leder af ledere and Leder af medarbejdere). */
  among?: RowId[];
  /** With `self` on a topic: the counterpart ("feedback til min leder"), whose part is shown beside the asker's. */
  with?: RowId;
  /** With `self`: a role relative to the asker's ("min leder"), resolved with the stored role once it is known. */
  relation?: string;
}

export interface Interpretation {
  intent: Intent;
  slots: Slots;
}

export interface Recognition extends Interpretation {
  confidence: number;
  language: Language;
  alternatives: Interpretation[];
  /** Reads as a follow-up to the previous answer ("og for velfærd?", "driften?"). */
  followUp?: boolean;
  /** The decision table's row that decided. */
  row?: string;
  /** Points back at someone named before ("deres leder", "her manager"). */
  refersBack?: boolean;
}

export interface RecognizeOptions {
  /** The Teams client's locale: the language when the words do not tell. */
  locale?: string;
  /** The asker's stored role: "min leder" is the role above it. */
  asker?: RoleId;
  /** The language the conversation was answered in last: it decides before the locale when the words do not. */
  conversation?: Language;
}

/** Below this, the bot asks "Mente du …?" instead of answering. */
export const CONFIDENT = 0.7;

// Questions recur (example buttons, popular questions); reading one is pure, so it is kept.
const readings = boundedCache<string, { reading: Recognition; byLocale: boolean }>(10_000);

/** Questions longer than this are read afresh each time, so the memo stays a few MB. */
const MEMO_MAX_CHARS = 500;

/** Reads a question. The result is shared with later identical questions: do not change it. */
export function recognize(text: string, options: RecognizeOptions = {}): Recognition {
  if (text.length > MEMO_MAX_CHARS) return recognizeUncached(text, options);
  // Most questions tell their language: one reading serves every locale and conversation language.
  const any = `${options.asker ?? ''}\u0000${text}`;
  const kept = readings.get(any);
  if (kept && !kept.byLocale) return kept.reading;
  const key = `${options.conversation ?? ''}\u0000${localeLanguage(options.locale) ?? ''}\u0000${any}`;
  const byLocale = readings.get(key);
  if (byLocale) return byLocale.reading;
  const read = readingOf(text, options);
  readings.set(read.byLocale ? key : any, read);
  return read.reading;
}

/** The reading itself, without the memo (for measuring). */
export function recognizeUncached(text: string, options: RecognizeOptions = {}): Recognition {
  return readingOf(text, options).reading;
}

function readingOf(text: string, options: RecognizeOptions): { reading: Recognition; byLocale: boolean } {
  let frame = extractFrame(text, options.locale, options.asker, false, options.conversation);
  let { continues, ...decided } = decide(frame);
  // "Tillid er et ord jeg vil bruge. Hvor optræder det?": the asking sentence alone says nothing; the whole message does.
  if (decided.intent === 'unknown' && frame.focused) {
    const whole = extractFrame(text, options.locale, options.asker, true, options.conversation);
    const again = decide(whole);
    if (again.intent !== 'unknown') {
      ({ continues, ...decided } = again);
      frame = whole;
    }
  }
  const followUp = frame.marked || (frame.bare && !frame.feature('setsRole')) || frame.roleOnly || continues;
  const refersBack = frame.refersBack;
  return { reading: { ...decided, ...(followUp && { followUp }), ...(refersBack && { refersBack }) }, byLocale: frame.byLocale };
}
