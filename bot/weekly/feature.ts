// "Ugens perspektiv" in chat: the leader's compose card, posting by hand,
// subscribing a channel, and each reader's own view of a posted card.
import {
  isPerspectiveId,
  isRoleId,
  perspective as perspectiveOf,
  perspectives,
  role as roleOf,
  type PerspectiveId,
  type RoleId,
} from '../../data/charter';
import { perspectiveIndex, readQuestion } from '../../data/language/lexicon';
import type { Outgoing } from '../answers/plan';
import { cardTemplate, type AdaptiveCardJson } from '../cards/render';
import type { UserProfiles } from '../state/user-profiles';
import template from './compose.json';
import { DEFAULT_ROTATION, isoWeek, isValidTime, perspectiveOfWeek } from './schedule';
import type { SendResult } from './sender';
import type { Person } from '../state/person';
import { channelOf, type Reference, type Subscription, type WeeklyStore } from './store';
import { SUGGESTIONS } from './suggestions';
import { renderWeeklyCard, type WeeklyPost } from './weekly-card';

export interface Conversation {
  id: string;
  type: 'personal' | 'groupChat' | 'channel';
  teamId?: string;
  name?: string;
  reference: Reference;
}

export interface WeeklyDeps {
  store: WeeklyStore;
  profiles: UserProfiles;
  publish(conversationId: string, post: WeeklyPost): Promise<SendResult<unknown>>;
  /** Sends the compose card to a leader's personal chat (asked for in a channel). */
  sendPersonal(user: Person, out: Outgoing): Promise<boolean>;
  adminIds: string[];
  now(): Date;
  links: { teamsAppId?: string; tabUrl: string };
}

const LEADERS: RoleId[] = ['direktion', 'centerchef', 'leder-af-ledere', 'leder-af-medarbejdere'];
const WEEKDAYS = ['mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag'];
const compose = cardTemplate<object>(template, 50);
const text = (t: string): Outgoing[] => [{ text: t }];
const str = (v: unknown, max = 600) => (typeof v === 'string' ? v.trim().slice(0, max) : '');

export class WeeklyFeature {
  constructor(private readonly d: WeeklyDeps) {}

  isLeader(user: Person, role?: RoleId): boolean {
    return (
      (role !== undefined && LEADERS.includes(role)) ||
      this.d.adminIds.includes(user.aadObjectId ?? '') ||
      this.d.adminIds.includes(user.id)
    );
  }

  private refusal(role?: RoleId): Outgoing[] {
    const mine = role ? ` Din rolle er ${roleOf(role).name}.` : '';
    return text(
      `Ugens perspektiv sendes af ledere: Direktion, Centerchef, Leder af ledere og Leder af medarbejdere.${mine} Er din rolle forkert, så skriv «skift rolle». (Only leaders post the weekly perspective.)`,
    );
  }

  /** Remembers where the app is, so leaders can choose the channel and the scheduler can post there. */
  async remember(c: Conversation, user?: Person): Promise<void> {
    await this.d.store.install({
      conversationId: c.id,
      kind: c.type,
      name: c.name,
      teamId: c.teamId,
      reference: c.reference,
      ...(c.type === 'personal' && user && { user: { id: user.id, aadObjectId: user.aadObjectId } }),
    });
  }

  /** The app was removed (or the team deleted): its conversations get no more posts. */
  async forget(c: Conversation): Promise<void> {
    await this.d.store.uninstall(c.id, c.teamId);
  }

  /** "ugens perspektiv": the compose card, only ever shown to the leader. */
  async compose(user: Person, c: Conversation, role?: RoleId): Promise<Outgoing[]> {
    if (!this.isLeader(user, role)) return this.refusal(role);
    const card = await this.composeCard(c.type === 'personal' ? undefined : channelOf(c.id));
    if (c.type === 'personal') return [{ card }];
    const sent = await this.d.sendPersonal(user, { card });
    return text(
      sent
        ? 'Jeg har sendt dig kladden til ugens perspektiv i vores personlige chat. (I sent you the draft in our personal chat.)'
        : 'Åbn Hvidovrevejen som personlig app og skriv «ugens perspektiv» der – så er kladden kun synlig for dig. (Open the personal app to write the weekly perspective.)',
    );
  }

  private async composeCard(channel?: string, status?: string): Promise<AdaptiveCardJson> {
    const installs = (await this.d.store.installations()).filter((i) => i.kind !== 'personal');
    const chosen = channel ?? installs[0]?.conversationId ?? '';
    const sub = chosen ? await this.d.store.subscription(chosen) : undefined;
    const week = isoWeek(this.d.now());
    const p = perspectiveOfWeek(week, sub?.rotation ?? DEFAULT_ROTATION);
    return compose({
      fallbackText: 'Ugens perspektiv: vælg kanal, perspektiv, spørgsmål og note.',
      channel: chosen,
      channels: installs.map((i) => ({ title: i.name ?? i.conversationId, value: i.conversationId })),
      perspective: p,
      perspectives: perspectives().map((x) => ({ title: `${x.title} (${x.syntheseName})`, value: x.id })),
      question: sub?.question ?? SUGGESTIONS[p][0],
      suggestions: SUGGESTIONS[p].slice(1).join(' · '),
      weekday: String(sub?.weekday ?? 1),
      weekdays: WEEKDAYS.map((w, i) => ({ title: w, value: String(i + 1) })),
      time: sub?.time ?? '09:00',
      skipWeeks: (sub?.skipWeeks ?? []).join(', '),
      rotation: (sub ? sub.rotation.map((_id, i) => sub.rotation[(week.index + i) % sub.rotation.length]) : DEFAULT_ROTATION)
        .map((id) => perspectiveOf(id).heading)
        .join(', '),
      status: status ?? (sub ? describe(sub, isoWeek(this.d.now()).index) : undefined),
      canPause: Boolean(sub && !sub.paused),
      canResume: Boolean(sub?.paused),
      canStop: Boolean(sub),
    });
  }

  /** A click on the compose card (Action.Submit merges its inputs into the data). */
  async act(v: Record<string, unknown>, user: Person, role?: RoleId): Promise<Outgoing[]> {
    if (v.action === 'weeklyMine') return this.mineAsText(v, role);
    if (!this.isLeader(user, role)) return this.refusal(role);
    const channel = channelOf(str(v.channel, 300));
    const target = (await this.d.store.installations()).find((i) => i.conversationId === channel && i.kind !== 'personal');
    if (!target) return text('Vælg en kanal, hvor Hvidovrevejen er installeret. (Choose a channel where the app is installed.)');
    const week = isoWeek(this.d.now());
    const perspective = isPerspectiveId(v.perspective) ? v.perspective : perspectiveOfWeek(week);
    const post: WeeklyPost = {
      perspective,
      week: week.key,
      question: str(v.question, 300) || undefined,
      note: str(v.note) || undefined,
      leader: user.name,
    };
    const where = target.name ?? 'kanalen';
    switch (v.action) {
      case 'weeklyPreview':
        return [{ text: `Forhåndsvisning til ${where}:` }, { card: renderWeeklyCard(post, this.d.links) }];
      case 'weeklyPost': {
        const sent = await this.d.publish(channel, post);
        return text(
          sent.ok
            ? `Ugens perspektiv er sendt til ${where}. (Posted.)`
            : `Det lykkedes ikke at sende til ${where}: ${sent.error}. Prøv igen om lidt.`,
        );
      }
      case 'weeklySubscribe': {
        const time = str(v.time, 5);
        const weekday = Number(v.weekday);
        if (!isValidTime(time) || !(weekday >= 1 && weekday <= 7))
          return text('Vælg en ugedag og et klokkeslæt (TT:MM). (Choose a weekday and a time.)');
        const order = parseRotation(str(v.rotation, 200));
        // Turn the order so that this week's chosen perspective comes up now.
        const start = order.indexOf(perspective) >= 0 ? order.indexOf(perspective) - (week.index % order.length) : 0;
        const rotation = order.map((_p, i) => order[(((i + start) % order.length) + order.length) % order.length]);
        const skipWeeks = [
          ...new Set(
            str(v.skipWeeks, 200)
              .split(/[\s,;]+/)
              .map(Number)
              .filter((n) => n >= 1 && n <= 53),
          ),
        ];
        const sub: Subscription = {
          conversationId: channel,
          weekday,
          time,
          skipWeeks,
          paused: false,
          rotation,
          owner: user,
          question: post.question,
          note: post.note,
          posts: [],
          failures: [],
        };
        await this.d.store.saveSubscription(sub);
        return [{ card: await this.composeCard(channel, `${where}: ${describe(sub, isoWeek(this.d.now()).index)}`) }];
      }
      case 'weeklyPause':
      case 'weeklyResume': {
        const sub = await this.d.store.change(channel, (s) => ({ ...s, paused: v.action === 'weeklyPause' }));
        return sub
          ? [{ card: await this.composeCard(channel, `${where}: ${describe(sub, isoWeek(this.d.now()).index)}`) }]
          : text('Den kanal har intet abonnement.');
      }
      case 'weeklyStop':
        await this.d.store.stop(channel);
        return text(`Ugens perspektiv sendes ikke længere til ${where}. (Stopped.)`);
      default:
        return text('Det forstod jeg ikke.');
    }
  }

  /** The card for one reader: their role's statements, or a role picker (Universal Actions). */
  async view(data: Record<string, unknown>, user: Person): Promise<AdaptiveCardJson | undefined> {
    if (!isPerspectiveId(data.perspective) || typeof data.week !== 'string') return undefined;
    if (isRoleId(data.role)) await this.d.profiles.setRole(user, data.role);
    const role = isRoleId(data.role) ? data.role : (await this.d.profiles.get(user)).role;
    const post: WeeklyPost = {
      perspective: data.perspective,
      week: data.week.slice(0, 8),
      question: str(data.question, 300) || undefined,
      note: str(data.note) || undefined,
      leader: str(data.leader, 100) || undefined,
    };
    return renderWeeklyCard(post, this.d.links, { viewer: { role } });
  }

  /** For clients without Universal Actions: the reader's part as a reply. */
  private mineAsText(v: Record<string, unknown>, role?: RoleId): Outgoing[] {
    if (!isPerspectiveId(v.perspective)) return text('Det forstod jeg ikke.');
    if (!role) return text('Skriv fx «jeg er medarbejder», så kan jeg vise dit bidrag. (Tell me your role first.)');
    const view = renderWeeklyCard({ perspective: v.perspective, week: str(v.week, 8) }, this.d.links, { viewer: { role } });
    return [{ card: view }];
  }
}

/** "driften, velfærd, robust" → perspective ids in that order; empty or unreadable → the charter's order. */
export function parseRotation(text: string): PerspectiveId[] {
  const ids = text
    .split(/[,;\n→>]+/)
    .map((part) => perspectiveIndex.hits(readQuestion(part)).sort((a, b) => b.hit.score - a.hit.score)[0]?.item[0])
    .filter((id): id is PerspectiveId => isPerspectiveId(id));
  const unique = [...new Set(ids)];
  return unique.length ? unique : [...DEFAULT_ROTATION];
}

function describe(s: Subscription, weekIndex: number): string {
  const when = `hver ${WEEKDAYS[s.weekday - 1] ?? `dag ${s.weekday}`} kl. ${s.time}`;
  const last = s.lastPostedWeek ? ` Sidst sendt: ${s.lastPostedWeek}.` : '';
  const skip = s.skipWeeks.length ? ` Springer uge ${s.skipWeeks.join(', ')} over.` : '';
  const failed = s.failures.length ? ` Sidste fejl: ${s.failures[s.failures.length - 1].week}.` : '';
  const fromNow = s.rotation.map((_id, i) => s.rotation[(weekIndex + i) % s.rotation.length]);
  return `${s.paused ? 'På pause' : 'Aktivt'} – ${when} (dansk tid), på skift fra denne uge: ${fromNow.map((id) => perspectiveOf(id).heading).join(' → ')}.${last}${skip}${failed}`;
}
