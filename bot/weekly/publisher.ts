// The botbuilder edge of the weekly feature: proactive turns into stored
// conversations, the roster (TeamsInfo) for membership, names and the
// card's refresh, and the post itself.
// The post is one request of our own, authorised with the SDK's
// credentials, rather than ctx.sendActivity: the SDK's connector client
// retries 5xx answers and cut connections by itself (core-rest-pipeline's
// default policy, with no cap on Retry-After), which could post a card
// twice. Here an attempt that may have reached Teams is reported as
// ambiguous, and only one that certainly did not is tried again.
import { TeamsInfo, TurnContext, type Activity, type CloudAdapter, type ConversationReference } from 'botbuilder';
import { AppCredentials, type ConnectorClient } from 'botframework-connector';
import { toAttachment, type AdaptiveCardJson } from '../cards/render';
import type { Person } from '../state/person';
import type { IsMember } from './authority';
import { SendFailure, readRetryAfter, type PacedSender, type SendLimits, type SendResult } from './sender';
import type { Installation, Reference, WeeklyStore } from './store';
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

const within = <T>(work: Promise<T>, ms: number, otherwise: T): Promise<T> =>
  Promise.race([work.catch(() => otherwise), new Promise<T>((resolve) => setTimeout(() => resolve(otherwise), ms).unref())]);

/** Up to 60 members' ids for automatic refresh; none when the channel is larger or the roster is slow or unavailable. */
async function refreshUserIds(ctx: TurnContext, teamId?: string): Promise<string[]> {
  // The roster call reads the team from channelData, which a proactive turn does not carry.
  if (teamId) ctx.activity.channelData = { ...(ctx.activity.channelData as object | undefined), team: { id: teamId } };
  const page = await within(TeamsInfo.getPagedMembers(ctx, MAX_REFRESH_USERS), 2000, undefined);
  return !page || page.continuationToken || page.members.length > MAX_REFRESH_USERS ? [] : page.members.map((m) => m.id);
}

/** Connection failures that mean the request never left this machine. */
const NOT_SENT = ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT', 'ENETUNREACH', 'EHOSTUNREACH'];

/** POST /v3/conversations/{id}/activities, once, within `deadline`; how it failed is a SendFailure. */
async function postOnce(ctx: TurnContext, activity: Partial<Activity>, deadline: AbortSignal): Promise<string | undefined> {
  let token: string | undefined;
  try {
    const credentials = ctx.turnState.get<ConnectorClient | undefined>(ctx.adapter.ConnectorClientKey)?.credentials;
    token = credentials instanceof AppCredentials && credentials.appId ? await credentials.getToken() : undefined;
  } catch (err) {
    throw new SendFailure(`no token (${err instanceof Error ? err.name : 'error'})`, 'notSent');
  }
  if (deadline.aborted) throw new SendFailure('no time left to send', 'notSent');
  const base = ctx.activity.serviceUrl.endsWith('/') ? ctx.activity.serviceUrl : `${ctx.activity.serviceUrl}/`;
  const url = `${base}v3/conversations/${encodeURIComponent(ctx.activity.conversation.id)}/activities`;
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
      body: JSON.stringify(activity),
      signal: deadline,
    });
  } catch (err) {
    const code = (err as { cause?: { code?: unknown } })?.cause?.code;
    if (typeof code === 'string' && NOT_SENT.includes(code)) throw new SendFailure(`connection failed (${code})`, 'notSent');
    throw new SendFailure(deadline.aborted ? 'no answer in time' : 'the connection broke', 'ambiguous');
  }
  const text = await res.text().catch(() => '');
  if (res.ok) {
    try {
      const id = (JSON.parse(text) as { id?: unknown }).id;
      return typeof id === 'string' ? id : undefined;
    } catch {
      return undefined;
    }
  }
  if (res.status === 429)
    throw new SendFailure('Teams asked to slow down (429)', 'notSent', 429, readRetryAfter(res.headers.get('retry-after')));
  if (res.status >= 500) throw new SendFailure(`Teams answered ${res.status}`, 'ambiguous', res.status);
  throw new SendFailure(`Teams refused the post (${res.status})`, 'rejected', res.status);
}

/** Posts a weekly card to a stored conversation; the result says whether it was sent, failed, or may have been sent. */
export function createPublisher(d: PublisherDeps) {
  return async (
    conversationId: string,
    post: WeeklyPost,
    stop?: AbortSignal,
    limits?: SendLimits,
  ): Promise<SendResult<string | undefined>> => {
    const target = await d.store.installation(conversationId);
    if (!target) return { ok: false, outcome: 'failed', attempts: 0, error: 'the app is not installed there any more' };
    return d.sender.send(
      conversationId,
      (deadline) =>
        inConversation(d, target.reference, async (ctx) => {
          const card = renderWeeklyCard(post, d.links, { userIds: await refreshUserIds(ctx, target.teamId) });
          const activity = TurnContext.applyConversationReference(
            { type: 'message', attachments: [toAttachment(card)], summary: card.fallbackText.slice(0, 1000) },
            TurnContext.getConversationReference(ctx.activity),
          );
          return postOnce(ctx, activity, deadline);
        }).catch((err: unknown) => {
          // Anything before the request (the proactive turn itself) certainly posted nothing.
          throw err instanceof SendFailure ? err : new SendFailure(err instanceof Error ? err.message : 'send failed', 'notSent');
        }),
      stop,
      limits,
    );
  };
}

const statusOf = (err: unknown) => (err as { statusCode?: unknown })?.statusCode;

/** Teams' roster: a member of the channel's team, or of the group chat. 404 is "no"; other failures throw. */
export function createMembershipCheck(d: PublisherDeps): IsMember {
  return (target: Installation, person: Person) =>
    inConversation(d, target.reference, async (ctx) => {
      // Teams knows a member by the channel's user id and by the Entra object id; some hosts only by the first.
      for (const userId of [...new Set([person.id, person.aadObjectId].filter((id): id is string => Boolean(id)))]) {
        try {
          if (target.kind === 'channel') await TeamsInfo.getTeamMember(ctx, target.teamId ?? target.conversationId, userId);
          else await TeamsInfo.getMember(ctx, userId);
          return true;
        } catch (err) {
          if (statusOf(err) !== 404) throw err;
        }
      }
      return false;
    });
}

/** A group chat's members' names (up to ten), for "Gruppechat med …". */
export function createChatNames(d: PublisherDeps) {
  return (target: Installation): Promise<string[]> =>
    inConversation(d, target.reference, async (ctx) => {
      const page = await TeamsInfo.getPagedMembers(ctx, 10);
      return page.members.map((m) => m.givenName || m.name).filter((n): n is string => Boolean(n));
    });
}

/** Sends to a person in their personal chat with the bot: reports, compose cards, replies kept private. */
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
