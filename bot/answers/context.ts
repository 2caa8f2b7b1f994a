import type { RoleId } from '../../data/charter';
import type { Language } from '../../data/language/language';
import type { Interpretation } from '../../data/language/recognizer';
import { tabLink, type TabView } from '../../data/deep-links';

/** Everything an answer depends on besides the question's meaning. */
export interface AnswerContext {
  language: Language;
  /** The asker's stored role, if known. */
  role?: RoleId;
  /** The question as asked (for feedback), without mentions. */
  question: string;
  links: { teamsAppId?: string; tabUrl: string };
}

export const linkTo = (ctx: AnswerContext, view: TabView) => tabLink(view, ctx.links);

/** Card button payloads. The bot reads them back from activity.value. */
export const actions = {
  answer: (i: Interpretation, language: string) => ({ action: 'answer', intent: i.intent, slots: i.slots, language }),
  setRole: (role: RoleId, pending?: Interpretation & { language: string }) => ({ action: 'setRole', role, ...(pending && { pending }) }),
  changeRole: () => ({ action: 'changeRole' }),
  ask: (question: string) => ({ action: 'ask', question }),
};
