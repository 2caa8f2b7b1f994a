// What the compose card shows a leader: only the channels and group chats
// they may post to (Teams' roster and ADMIN_IDS decide), the schedules
// there — their own to manage, others' read-only — and inputs prefilled
// from the stored schedule, or from the draft being edited.
import { perspective as perspectiveOf, type PerspectiveId, type RoleId } from '../../data/charter';
import type { Language } from '../../data/language/language';
import { strings } from '../i18n';
import type { Person } from '../state/person';
import type { Authority } from './authority';
import { describe, when, type ComposeView } from './compose-card';
import type { Draft } from './draft';
import { displayName } from './names';
import { DEFAULT_ROTATION, isoWeek, perspectiveOfWeek } from './schedule';
import type { Installation, Subscription, WeeklyStore } from './store';
import { SUGGESTIONS } from './suggestions';

export interface Asker {
  user: Person;
  role?: RoleId;
  language: Language;
}

export interface ComposeOptions {
  notice?: string;
  /** Inputs as the leader left them (after a refusal, or "Ret" on a preview). */
  draft?: Partial<Draft>;
  /** The schedule to manage, if the leader may. */
  opened?: string;
  /** The channel to choose first (where "ugens perspektiv" was asked). */
  select?: string;
}

export async function buildComposeView(
  d: { store: WeeklyStore; authority: Authority; now(): Date },
  a: Asker,
  o: ComposeOptions = {},
): Promise<ComposeView> {
  const t = strings(a.language).weekly;
  const installs = (await d.store.installations()).filter((i) => i.kind !== 'personal');
  const { places: mine, unanswered } = await d.authority.postable(a.user, a.role, installs);
  const subs = new Map<string, { install: Installation; sub: Subscription }>();
  for (const install of mine) {
    const sub = await d.store.subscription(install.conversationId);
    if (sub) subs.set(install.conversationId, { install, sub });
  }
  const week = isoWeek(d.now());
  const managed = [...subs.values()].filter((s) => d.authority.mayManage(s.sub, a.user));
  // Asked in a channel: that channel, with its schedule if it is theirs; else their first schedule.
  const select = o.select && mine.some((i) => i.conversationId === o.select) ? o.select : undefined;
  const mayOpen = (id?: string) => (id && managed.some((s) => s.sub.conversationId === id) ? id : undefined);
  const openedId = mayOpen(o.opened) ?? (o.draft ? undefined : select ? mayOpen(select) : managed[0]?.sub.conversationId);
  const opened = openedId ? subs.get(openedId)?.sub : undefined;
  const channel =
    [o.draft?.channel, openedId, select].find((c) => c && mine.some((i) => i.conversationId === c)) ?? mine[0]?.conversationId ?? '';
  const draft = o.draft ? fromDraft(o.draft, week) : opened ? fromSubscription(opened, week) : defaults(week);
  return {
    language: a.language,
    notice: [o.notice, unanswered ? t.rosterSome(unanswered) : undefined].filter(Boolean).join(' ') || undefined,
    schedules: [...subs.values()].map(({ install, sub }) => {
      const manage = d.authority.mayManage(sub, a.user);
      return {
        id: sub.conversationId,
        where: displayName(install, a.language),
        text: manage ? describe(sub, week, a.language) : t.postedBy(sub.owner.name ?? '?', when(sub, a.language)),
        mine: manage,
      };
    }),
    channels: mine.map((i) => ({ title: displayName(i, a.language), value: i.conversationId })),
    draft: { ...draft, channel },
    opened: opened && { id: opened.conversationId, status: describe(opened, week, a.language), paused: opened.paused },
  };
}

type Prefill = Omit<ComposeView['draft'], 'channel'>;
/** The rotation from this week on, as the leader reads it: "driften, resultaterne, …". */
const headings = (rotation: readonly PerspectiveId[], weekIndex: number) =>
  rotation.map((_id, i) => perspectiveOf(rotation[(weekIndex + i) % rotation.length]).heading).join(', ');

function defaults(week: ReturnType<typeof isoWeek>): Prefill {
  const perspective = perspectiveOfWeek(week);
  return {
    perspective,
    question: SUGGESTIONS[perspective][0],
    weekday: '1',
    time: '09:00',
    rotation: headings(DEFAULT_ROTATION, week.index),
    skipWeeks: '',
  };
}

function fromSubscription(s: Subscription, week: ReturnType<typeof isoWeek>): Prefill {
  return {
    perspective: perspectiveOfWeek(week, s.rotation),
    question: s.question,
    note: s.note,
    weekday: String(s.weekday),
    time: s.time,
    rotation: headings(s.rotation, week.index),
    skipWeeks: s.skipWeeks.join(', '),
  };
}

function fromDraft(dr: Partial<Draft>, week: ReturnType<typeof isoWeek>): Prefill {
  const base = defaults(week);
  return {
    perspective: dr.perspective ?? base.perspective,
    question: dr.question,
    note: dr.note,
    weekday: dr.weekday || base.weekday,
    time: dr.time || base.time,
    rotation: dr.rotation ?? base.rotation,
    skipWeeks: dr.skipWeeks ?? '',
  };
}
