// Thin Bot Framework glue: reads the activity, calls the turn logic, sends
// what it returns. The only botbuilder-aware code besides adapter.ts.
import { ActivityHandler, ActivityTypes, TurnContext, type Activity, type Attachment } from 'botbuilder';
import type { Outgoing } from './answers/plan';
import { welcomeAnswer } from './answers/info';
import { renderChoiceCard } from './cards/choice-card';
import { toAttachment } from './cards/render';
import { respond, type TurnDeps } from './turn';

/** In channels and group chats a bot answers only when @mentioned, as Teams bots do. */
export function addressedToBot(activity: Partial<Activity>): boolean {
  const type = activity.conversation?.conversationType;
  if (!type || type === 'personal') return true;
  if (activity.value !== undefined) return true; // a click on one of our own cards
  const botId = activity.recipient?.id;
  return (activity.entities ?? []).some((e) => e.type === 'mention' && (e as { mentioned?: { id?: string } }).mentioned?.id === botId);
}

export function toActivity(out: Outgoing): Partial<Activity> {
  if (!out.card) return { type: ActivityTypes.Message, text: out.text, textFormat: 'markdown' };
  const attachments: Attachment[] = [toAttachment(out.card)];
  return { type: ActivityTypes.Message, ...(out.text && { text: out.text }), attachments, summary: out.card.fallbackText.slice(0, 1000) };
}

export class HvidovreBot extends ActivityHandler {
  constructor(deps: TurnDeps) {
    super();
    this.onMessage(async (context, next) => {
      const a = context.activity;
      if (addressedToBot(a)) {
        const text = a.text ? TurnContext.removeRecipientMention(a) ?? a.text : a.text;
        const replies = await respond({ text, value: a.value, locale: a.locale, user: { id: a.from?.id ?? 'anonymous', aadObjectId: a.from?.aadObjectId } }, deps);
        if (replies.length) await context.sendActivities(replies.map(toActivity));
      }
      await next();
    });

    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      if ((context.activity.membersAdded ?? []).some((m) => m.id === botId)) {
        const card = renderChoiceCard(welcomeAnswer({ language: context.activity.locale?.startsWith('en') ? 'en' : 'da', question: '', links: deps.links }));
        await context.sendActivity(toActivity({ card }));
      }
      await next();
    });
  }
}
