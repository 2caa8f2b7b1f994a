// Reads the bot's replies as a user would see them: which answer, which
// statements (by the ids the cards carry), in which language.
import { statement } from '../../data/charter';
import { strings } from '../../bot/i18n';

export interface ReplyView {
  intent: string | undefined;
  statementIds: string[];
  contextIds: string[];
  /** Statement TextBlocks whose text is not the charter's, verbatim. */
  misquoted: string[];
  buttons: { title: string; data: any }[];
  language: 'da' | 'en';
  cards: any[];
  texts: string[];
  /** A text confirms a role the asker told ("Tak! Som pædagog er du …"). */
  confirmsRole?: boolean;
}

const EN_MARKERS = (() => {
  const en = strings('en');
  return [
    en.helpful,
    en.didYouMean,
    en.pickRoleTitle,
    en.outOfScopeTitle,
    en.helpTitle,
    en.welcomeTitle,
    en.thanks,
    en.overviewTitle,
    en.openInTab,
    'Thanks! ',
    'Your role is',
    en.feedbackThanks,
  ];
})();

function walk(node: unknown, visit: (o: any) => void): void {
  if (Array.isArray(node)) node.forEach((n) => walk(n, visit));
  else if (node && typeof node === 'object') {
    visit(node);
    Object.values(node).forEach((v) => walk(v, visit));
  }
}

export function readReplies(activities: any[]): ReplyView {
  const cards = activities.flatMap((a) => (a.attachments ?? []).map((x: any) => x.content));
  const texts = activities.map((a) => a.text).filter(Boolean);
  const view: ReplyView = { intent: undefined, statementIds: [], contextIds: [], misquoted: [], buttons: [], language: 'da', cards, texts };
  for (const card of cards) {
    walk(card, (o) => {
      if (typeof o.id !== 'string') return;
      const [kind, id] = [o.id.slice(0, o.id.indexOf(':')), o.id.slice(o.id.indexOf(':') + 1)];
      if (kind === 'answer') view.intent ??= id;
      if (kind === 's' || kind === 'c') {
        (kind === 's' ? view.statementIds : view.contextIds).push(id);
        if (o.text !== `• ${statement(id)?.text}`) view.misquoted.push(id);
      }
    });
    walk(card, (o) => {
      if (o.type === 'Action.Submit' && o.data?.action !== 'feedback') view.buttons.push({ title: o.title, data: o.data });
    });
  }
  view.confirmsRole = texts.some((t) => /^(Tak! (Jeg har noteret|Som )|Thanks! (I have noted|As ))/.test(t));
  if (!view.intent && view.confirmsRole) view.intent = 'setRole';
  if (!view.intent && texts.some((t) => /^(Selv tak|You are welcome)/.test(t))) view.intent = 'thanks';
  const all = JSON.stringify(cards) + texts.join(' ');
  view.language = EN_MARKERS.some((m) => all.includes(m)) ? 'en' : 'da';
  return view;
}
