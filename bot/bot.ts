// Thin Bot Framework glue: reads the activity, calls the turn logic, sends
// what it returns. The only botbuilder-aware code besides adapter.ts and
// weekly/publisher.ts.
import {
  ActivityTypes,
  TeamsActivityHandler,
  TurnContext,
  type Activity,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type Attachment,
  type InvokeResponse,
} from 'botbuilder';
import { answerLink, answerQuery, type QueryIn } from './extension/respond';
import { EXTENSION_LINK, EXTENSION_QUERY } from './http/activity-schema';
import type { Outgoing } from './answers/plan';
import { teamWelcomeAnswer, welcomeAnswer } from './answers/info';
import { renderChoiceCard } from './cards/choice-card';
import { CARD_CONTENT_TYPE, toAttachment } from './cards/render';
import { boundedCache } from '../data/bounded-cache';
import type { Person } from './state/person';
import { respond, respondToAction, type TurnDeps } from './turn';
import type { Conversation } from './weekly/feature';
import { channelOf, type Reference } from './weekly/store';

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

/** Where an activity happened, as the weekly feature stores it. */
export function conversationOf(a: Activity): Conversation {
  const ref = TurnContext.getConversationReference(a);
  const id = channelOf(a.conversation.id);
  const type =
    a.conversation.conversationType === 'channel' ? 'channel' : a.conversation.conversationType === 'groupChat' ? 'groupChat' : 'personal';
  const reference: Reference = {
    channelId: ref.channelId ?? 'msteams',
    serviceUrl: ref.serviceUrl ?? a.serviceUrl,
    conversation: { id, conversationType: a.conversation.conversationType, tenantId: a.conversation.tenantId },
    ...(ref.bot && { bot: { id: ref.bot.id, name: ref.bot.name ?? 'Hvidovrevejen' } }),
  };
  const data = a.channelData as { team?: { id?: string; name?: string }; channel?: { name?: string } } | undefined;
  // Each name is kept apart, so an event that carries only one of them never blanks the others.
  const names =
    type === 'groupChat'
      ? { topic: a.conversation.name || undefined }
      : type === 'channel'
        ? { team: data?.team?.name || undefined, channel: data?.channel?.name || undefined }
        : undefined;
  return { id, type, teamId: data?.team?.id, names, reference };
}

/** Who wrote: identity scoped by channel and tenant, so another channel cannot name a Teams user. */
const person = (a: Activity): Person => ({
  id: a.from?.id ?? 'anonymous',
  aadObjectId: a.from?.aadObjectId,
  name: a.from?.name,
  channelId: a.channelId,
  tenantId: a.conversation?.tenantId ?? (a.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id,
});

export class HvidovreBot extends TeamsActivityHandler {
  /** Conversations already stored by this process, so ordinary turns need no write; bounded. */
  private readonly known = boundedCache<string, string>(10_000);

  constructor(private readonly deps: TurnDeps) {
    super();
    this.onMessage(async (context, next) => {
      const a = context.activity;
      if (addressedToBot(a)) {
        const conversation = conversationOf(a);
        await this.remember(conversation, a);
        const text = a.text ? (TurnContext.removeRecipientMention(a) ?? a.text) : a.text;
        const replies = await respond({ text, value: a.value, locale: a.locale, user: person(a), conversation }, deps);
        if (replies.length) await context.sendActivities(replies.map(toActivity));
      }
      await next();
    });

    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      if ((context.activity.membersAdded ?? []).some((m) => m.id === botId)) {
        const where = conversationOf(context.activity);
        await this.remember(where, context.activity);
        const ctx = {
          language: context.activity.locale?.startsWith('en') ? ('en' as const) : ('da' as const),
          question: '',
          links: deps.links,
        };
        // A team or group chat is many people: tell them how to ask here, not that "your" role is unknown.
        const card = renderChoiceCard(where.type === 'personal' ? welcomeAnswer(ctx) : teamWelcomeAnswer(ctx));
        await context.sendActivity(toActivity({ card }));
      }
      await next();
    });

    this.onMembersRemoved(async (context, next) => {
      if ((context.activity.membersRemoved ?? []).some((m) => m.id === context.activity.recipient?.id)) await this.forget(context.activity);
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      await this.remember(conversationOf(context.activity), context.activity);
      await next();
    });
    this.onInstallationUpdateRemove(async (context, next) => {
      await this.forget(context.activity);
      await next();
    });
    this.onTeamsTeamDeletedEvent(async (_team, context, next) => {
      await this.forget(context.activity);
      await next();
    });
  }

  /** Install tracking is bookkeeping: it runs after the reply and never fails it. */
  private async remember(c: Conversation, a: Activity): Promise<void> {
    const weekly = this.deps.weekly;
    // With the names it was stored under, so a renamed team or channel is written again.
    const names = JSON.stringify(c.names ?? {});
    if (!weekly || this.known.get(c.id) === names) return;
    const who = person(a);
    await this.deps.bookkeeping.run('remember_install', async () => {
      await weekly.remember(c, who);
      this.known.set(c.id, names);
    });
  }

  private async forget(a: Activity): Promise<void> {
    const c = conversationOf(a);
    this.known.delete(c.id);
    const weekly = this.deps.weekly;
    if (weekly) await this.deps.bookkeeping.run('forget_install', () => weekly.forget(c));
  }

  /**
   * The message extension's invokes, answered here rather than through the
   * Teams handler's hooks: those always answer 200, and a bad command or a
   * link that is not ours deserves its own 4xx.
   */
  protected async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    const a = context.activity;
    // The edge's schema has checked each value's shape and lengths.
    if (a.name === EXTENSION_QUERY) {
      const value = a.value as Omit<QueryIn, 'locale' | 'user'>;
      return answerQuery({ ...value, locale: a.locale, user: person(a) }, this.deps);
    }
    if (a.name === EXTENSION_LINK) return answerLink((a.value as { url: string }).url, a.locale, this.deps.links);
    return super.onInvokeActivity(context);
  }

  /** Universal Actions: a weekly card's buttons, answered with the card that replaces it (for the clicker only). */
  protected async onAdaptiveCardInvoke(context: TurnContext, invoke: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    const a = context.activity;
    const verb = invoke.action?.verb;
    const card = await respondToAction(
      { verb, data: invoke.action.data ?? {}, locale: a.locale, user: person(a), conversation: conversationOf(a) },
      this.deps,
    );
    if (!card)
      return {
        statusCode: 400,
        type: 'application/vnd.microsoft.error',
        value: { code: 'BadRequest', message: `Unknown action "${verb}"` },
      };
    return { statusCode: 200, type: CARD_CONTENT_TYPE, value: card };
  }
}
