// "Ugens perspektiv" in chat: the leader's compose card, preview and post by
// hand, schedules and their owners, and each reader's own view of a posted
// card. Card buttons arrive as Action.Execute (an invoke whose answer
// replaces the card in place) or, from older clients, as Action.Submit (a
// message); both run the same code. Whatever the bot says about the weekly
// post reaches only the person: in a channel it answers in their personal chat.
import { randomUUID } from 'node:crypto';
import { isPerspectiveId, isRoleId } from '../../data/charter';
import type { Language } from '../../data/language/language';
import type { Outgoing } from '../answers/plan';
import type { AdaptiveCardJson } from '../cards/render';
import { strings } from '../i18n';
import type { Logger } from '../log';
import type { Person } from '../state/person';
import type { UserProfiles } from '../state/user-profiles';
import { SEND_AGE_MS, LIST_AGE_MS, type Authority } from './authority';
import { renderComposeCard, renderPreviewCard, renderSentCard } from './compose-card';
import { buildComposeView, type Asker, type ComposeOptions } from './compose-view';
import type { Delivery } from './delivery';
import { readDraft, readPost, readPostDraft, type Draft, type PostDraft } from './draft';
import { displayName } from './names';
import { isoWeek, isValidTime, perspectiveOfWeek } from './schedule';
import { Schedules } from './schedules';
import { channelOf, type Installation, type Names, type Reference, type WeeklyStore } from './store';
import { renderWeeklyCard, type WeeklyPost } from './weekly-card';

export { parseRotation } from './draft';
export type { Asker } from './compose-view';

export interface Conversation {
  id: string;
  type: 'personal' | 'groupChat' | 'channel';
  teamId?: string;
  names?: Names;
  reference: Reference;
}

export interface WeeklyDeps {
  store: WeeklyStore;
  delivery: Delivery;
  authority: Authority;
  profiles: UserProfiles;
  /** Writes to a person's personal chat with the bot; false when they have none. */
  sendPersonal(user: Person, out: Outgoing): Promise<boolean>;
  /** A group chat's members' names, from Teams. */
  chatNames(target: Installation): Promise<string[]>;
  now(): Date;
  links: { teamsAppId?: string; tabUrl: string };
  log: Logger;
}

/** What a button leads to: a card in place of the old one, or a notice above the compose card. */
type Result = { card: AdaptiveCardJson } | ({ notice: string } & Pick<ComposeOptions, 'draft' | 'opened'>);

const READER_VERBS = ['weeklyRefresh', 'weeklyMine', 'weeklySetRole'];
const str = (v: unknown, max: number) => (typeof v === 'string' ? v.trim().slice(0, max) : '');

export class WeeklyFeature {
  private readonly schedules: Schedules;

  constructor(private readonly d: WeeklyDeps) {
    this.schedules = new Schedules(d);
  }

  /** Remembers where the app is; a group chat without a topic is named from its members. */
  async remember(c: Conversation, user?: Person): Promise<void> {
    await this.d.store.install({
      conversationId: c.id,
      kind: c.type,
      names: c.names,
      teamId: c.teamId,
      reference: c.reference,
      ...(c.type === 'personal' && user && { user: { id: user.id, aadObjectId: user.aadObjectId } }),
    });
    if (c.type !== 'groupChat' || c.names?.topic) return;
    const install = await this.d.store.installation(c.id);
    if (!install || install.memberNames?.length) return;
    const names = await this.d.chatNames(install).catch(() => []);
    if (names.length) await this.d.store.setMemberNames(c.id, names);
  }

  /** The app was removed (or the team deleted): its conversations get no more posts. */
  async forget(c: Conversation): Promise<void> {
    await this.d.store.uninstall(c.id, c.teamId);
  }

  /** "ugens perspektiv": the compose card, or why not; only ever shown to the person. */
  async compose(a: Asker, c: Conversation): Promise<Outgoing[]> {
    const t = strings(a.language).weekly;
    const out: Outgoing = this.d.authority.isLeader(a.user, a.role)
      ? { card: renderComposeCard(await buildComposeView(this.d, a, { select: channelOf(c.id) })) }
      : { text: t.refusal };
    if (c.type === 'personal') return [out];
    return [
      {
        text: (await this.d.sendPersonal(a.user, out).catch(() => false)) ? (out.card ? t.draftSent : t.repliedPrivately) : t.openPersonal,
      },
    ];
  }

  /** A click from a client without Universal Actions (Action.Submit): the answer as a message, privately. */
  async act(v: Record<string, unknown>, a: Asker, c?: Conversation): Promise<Outgoing[]> {
    const action = str(v.action, 40);
    const result = action === 'weeklyMine' ? this.mine(v, a) : await this.handle(action, v, a);
    const out: Outgoing = 'card' in result ? { card: result.card } : { text: result.notice };
    if (!c || c.type === 'personal') return [out];
    const sent = await this.d.sendPersonal(a.user, out).catch(() => false);
    return [{ text: sent ? strings(a.language).weekly.repliedPrivately : strings(a.language).weekly.openPersonal }];
  }

  /** Universal Actions (Action.Execute): the card that replaces the one clicked, for the clicker only. */
  async execute(verb: string, data: Record<string, unknown>, a: Asker): Promise<AdaptiveCardJson | undefined> {
    if (READER_VERBS.includes(verb)) return this.view(data, a.user, a.language);
    if (!verb.startsWith('weekly')) return undefined;
    const result = await this.handle(verb, data, a);
    if ('card' in result) return result.card;
    return renderComposeCard(await buildComposeView(this.d, a, result));
  }

  private async handle(action: string, v: Record<string, unknown>, a: Asker): Promise<Result> {
    const t = strings(a.language).weekly;
    if (!this.d.authority.isLeader(a.user, a.role)) return { notice: t.refusal };
    switch (action) {
      case 'weeklyOpen':
      case 'weeklyEdit': {
        const edited = readPost(v.post);
        if (edited) return { card: renderComposeCard(await buildComposeView(this.d, a, { draft: edited })) };
        return { card: renderComposeCard(await buildComposeView(this.d, a, { opened: channelOf(str(v.sub, 300)) })) };
      }
      case 'weeklyPreview':
        return this.preview(readDraft(v), a);
      case 'weeklyPost': {
        const draft = readDraft(v);
        return this.send({ ...draft, perspective: draft.perspective ?? this.thisWeeks(), id: randomUUID() }, a, draft);
      }
      case 'weeklySend': {
        const post = readPostDraft(v);
        return post ? this.send(post, a, post) : { notice: t.notUnderstood };
      }
      case 'weeklySubscribe':
        return this.subscribe(readDraft(v), a);
      case 'weeklyPause':
      case 'weeklyResume':
      case 'weeklyStop':
        return this.schedules.manage(action, channelOf(str(v.sub, 300) || str(v.channel, 300)), a);
      default:
        return { notice: t.notUnderstood };
    }
  }

  /** This week's perspective in the charter's rotation. */
  private thisWeeks() {
    return perspectiveOfWeek(isoWeek(this.d.now()));
  }

  /** The target, if the asker may post there now; otherwise why not. */
  private async target(channel: string, a: Asker, maxAgeMs: number): Promise<Installation | { notice: string }> {
    const t = strings(a.language).weekly;
    const target = channel ? await this.d.store.installation(channel) : undefined;
    if (!target || target.kind === 'personal') return { notice: t.chooseChannel };
    const may = await this.d.authority.mayPost(a.user, a.role, target, maxAgeMs);
    if (may === undefined) return { notice: t.rosterDown };
    return may ? target : { notice: t.notMember };
  }

  private postOf(p: Pick<PostDraft, 'perspective' | 'question' | 'note'>, a: Asker): WeeklyPost {
    return {
      perspective: p.perspective,
      week: isoWeek(this.d.now()).key,
      question: p.question,
      note: p.note,
      leader: a.user.name,
      language: a.language,
    };
  }

  private async preview(draft: Draft, a: Asker): Promise<Result> {
    const target = await this.target(draft.channel, a, LIST_AGE_MS);
    if ('notice' in target) return { ...target, draft };
    const shown: PostDraft = { ...draft, perspective: draft.perspective ?? this.thisWeeks(), id: randomUUID() };
    return { card: renderPreviewCard(this.postOf(shown, a), shown, displayName(target, a.language), this.d.links, a.language) };
  }

  /** Posts exactly `p` now, once: a second click on the same preview sends nothing. */
  private async send(p: PostDraft, a: Asker, draft: Partial<Draft>): Promise<Result> {
    const t = strings(a.language).weekly;
    const target = await this.target(p.channel, a, SEND_AGE_MS);
    if ('notice' in target) return { ...target, draft };
    const where = displayName(target, a.language);
    const post = this.postOf(p, a);
    const week = isoWeek(this.d.now());
    const by = `manual:${p.id}`;
    const r = await this.d.delivery.deliver({ conversationId: target.conversationId, week: week.key, owner: a.user, post }, by, 'manual', {
      tellOwner: false,
    });
    if (r.status === 'posted') return { card: renderSentCard(post, where, a.language) };
    if (r.status === 'taken' && r.record.by === by && r.record.state === 'posted')
      return { card: renderSentCard(r.record.post, where, a.language) };
    if (r.status === 'taken' && r.record.state === 'posted') return { notice: t.alreadyPosted(where, week.week), draft };
    if (r.status === 'taken') return { notice: t.sendingNow(where), draft };
    if (r.status === 'ambiguous') return { notice: t.sendAmbiguous(where), draft };
    return { notice: t.sendFailed(where), draft };
  }

  private async subscribe(draft: Draft, a: Asker): Promise<Result> {
    const weekday = Number(draft.weekday);
    if (!isValidTime(draft.time) || !(Number.isInteger(weekday) && weekday >= 1 && weekday <= 7))
      return { notice: strings(a.language).weekly.chooseTime, draft };
    const target = await this.target(draft.channel, a, SEND_AGE_MS);
    if ('notice' in target) return { ...target, draft };
    return this.schedules.save(draft, weekday, target, a);
  }

  /** The card for one reader: their role's statements, or a role picker, in their language. */
  async view(data: Record<string, unknown>, user: Person, language: Language): Promise<AdaptiveCardJson | undefined> {
    if (!isPerspectiveId(data.perspective) || typeof data.week !== 'string') return undefined;
    if (isRoleId(data.role)) await this.d.profiles.setRole(user, data.role);
    const role = isRoleId(data.role) ? data.role : (await this.d.profiles.get(user)).role;
    const post: WeeklyPost = {
      perspective: data.perspective,
      week: data.week.slice(0, 8),
      question: str(data.question, 300) || undefined,
      note: str(data.note, 600) || undefined,
      leader: str(data.leader, 100) || undefined,
    };
    return renderWeeklyCard(post, this.d.links, { viewer: { role, language } });
  }

  /** For clients without Universal Actions: the reader's part. */
  private mine(v: Record<string, unknown>, a: Asker): Result {
    const t = strings(a.language).weekly;
    if (!isPerspectiveId(v.perspective)) return { notice: t.notUnderstood };
    if (!a.role) return { notice: t.tellRole };
    return { card: renderWeeklyCard({ perspective: v.perspective, week: str(v.week, 8) }, this.d.links, { viewer: a }) };
  }
}
