// The botbuilder edge of the weekly post: continueConversationAsync into a
// stored conversation, with the channel's roster for the card's refresh.
import { TeamsInfo, type CloudAdapter, type ConversationReference, type TurnContext } from 'botbuilder';
import { toAttachment, type AdaptiveCardJson } from '../cards/render';
import type { PacedSender, SendResult } from './sender';
import type { Person } from '../state/person';
import type { Reference, WeeklyStore } from './store';
import { MAX_REFRESH_USERS, renderWeeklyCard, type WeeklyPost } from './weekly-card';

export interface PublisherDeps {
  adapter: CloudAdapter;
  botAppId: string;
  store: WeeklyStore;
  sender: PacedSender;
  links: { teamsAppId?: string; tabUrl: string };
}

/** Our stored reference, completed to the SDK's type (its conversation account wants every field). */
function toConversationReference(r: Reference): Partial<ConversationReference> {
  const { id, conversationType = 'personal', tenantId, name = '' } = r.conversation;
  return {
    channelId: r.channelId,
    serviceUrl: r.serviceUrl,
    conversation: { id, conversationType, tenantId, name, isGroup: conversationType !== 'personal' },
    ...(r.bot && { bot: r.bot }),
  };
}

/** Runs one proactive turn; errors come back here rather than to onTurnError (no apology into a channel). */
async function inConversation<T>(d: PublisherDeps, reference: Reference, logic: (ctx: TurnContext) => Promise<T>): Promise<T> {
  let outcome: { ok: true; value: T } | { ok: false; error: unknown } | undefined;
  await d.adapter.continueConversationAsync(d.botAppId, toConversationReference(reference), async (ctx) => {
    try {
      outcome = { ok: true, value: await logic(ctx) };
    } catch (error) {
      outcome = { ok: false, error };
    }
  });
  if (!outcome) throw new Error('The proactive turn did not run.');
  if (!outcome.ok) throw outcome.error;
  return outcome.value;
}

/** Up to 60 members' ids for automatic refresh; none when the channel is larger or the roster is unavailable. */
async function refreshUserIds(ctx: TurnContext, teamId?: string): Promise<string[]> {
  try {
    // The roster call reads the team from channelData, which a proactive turn does not carry.
    if (teamId) ctx.activity.channelData = { ...(ctx.activity.channelData as object | undefined), team: { id: teamId } };
    const page = await TeamsInfo.getPagedMembers(ctx, MAX_REFRESH_USERS);
    return page.continuationToken || page.members.length > MAX_REFRESH_USERS ? [] : page.members.map((m) => m.id);
  } catch {
    return [];
  }
}

export function createPublisher(d: PublisherDeps) {
  return async (conversationId: string, post: WeeklyPost): Promise<SendResult<unknown>> => {
    const target = await d.store.installation(conversationId);
    if (!target) return { ok: false, attempts: 0, error: 'the app is not installed there any more' };
    return d.sender.send(conversationId, () =>
      inConversation(d, target.reference, async (ctx) => {
        const card = renderWeeklyCard(post, d.links, { userIds: await refreshUserIds(ctx, target.teamId) });
        return ctx.sendActivity({ type: 'message', attachments: [toAttachment(card)], summary: card.fallbackText });
      }),
    );
  };
}

/** Sends to a person in their personal chat with the bot: failure reports, compose cards. */
export function createPersonalSender(d: PublisherDeps) {
  return async (owner: Person, out: { text?: string; card?: AdaptiveCardJson }): Promise<boolean> => {
    const personal = await d.store.personalChat(owner);
    if (!personal) return false;
    await inConversation(d, personal.reference, (ctx) =>
      ctx.sendActivity(
        out.card
          ? { type: 'message', text: out.text, attachments: [toAttachment(out.card)], summary: out.card.fallbackText }
          : { type: 'message', text: out.text },
      ),
    );
    return true;
  };
}
