// The leader's cards: compose (prefilled from the stored schedule or the
// draft being edited), preview (exactly the post, with Send and Ret), and
// the confirmation of what was sent where. Their own words in the leader's
// language; perspective titles are the charter's.
import { perspective as perspectiveOf, perspectives, type PerspectiveId } from '../../data/charter';
import type { Language } from '../../data/language/language';
import { cardBytes, cardTemplate, MAX_CARD_BYTES, type AdaptiveCardJson } from '../cards/render';
import { strings } from '../i18n';
import type { PostDraft } from './draft';
import type { Subscription } from './store';
import { SUGGESTIONS } from './suggestions';
import { renderWeeklyCard, type WeeklyPost } from './weekly-card';
import composeTemplate from './compose.json';
import previewTemplate from './preview.json';
import sentTemplate from './sent.json';
import noticeTemplate from './notice.json';

export interface ComposeView {
  language: Language;
  notice?: string;
  /** Schedules in the channels the leader may post to; `mine` when they may manage it. */
  schedules: { id: string; where: string; text: string; mine: boolean }[];
  channels: { title: string; value: string }[];
  draft: {
    channel: string;
    perspective: PerspectiveId;
    question?: string;
    note?: string;
    weekday: string;
    time: string;
    rotation: string;
    skipWeeks: string;
  };
  /** The schedule being managed (pause, resume, stop act on it), with its status. */
  opened?: { id: string; status: string; paused: boolean };
}

const compose = cardTemplate<object>(composeTemplate, 50);
const preview = cardTemplate<object>(previewTemplate, 50);
const sent = cardTemplate<object>(sentTemplate, 50);
const notice = cardTemplate<{ text: string }>(noticeTemplate, 10);

/**
 * The compose card, within Teams' 28 KB: with very many places (an admin in
 * a large tenant), the schedules list and then the channel list are cut.
 */
export function renderComposeCard(v: ComposeView): AdaptiveCardJson {
  let view = { ...v, schedules: v.schedules.slice(0, 20) };
  let card = renderCompose(view);
  while (cardBytes(card) > MAX_CARD_BYTES && (view.schedules.length > 0 || view.channels.length > 1)) {
    view = view.schedules.length
      ? { ...view, schedules: view.schedules.slice(0, Math.floor(view.schedules.length / 2)) }
      : { ...view, channels: view.channels.slice(0, Math.ceil(view.channels.length / 2)) };
    card = renderCompose(view);
  }
  return card;
}

function renderCompose(v: ComposeView): AdaptiveCardJson {
  const t = strings(v.language).weekly;
  const d = v.draft;
  return compose({
    fallbackText: t.composeFallback,
    title: t.title,
    intro: t.intro,
    notice: v.notice,
    schedulesTitle: t.schedules,
    schedules: v.schedules.map((s) => ({ ...s, openTitle: t.edit })),
    channels: v.channels,
    noChannels: t.noChannels,
    labels: {
      channel: t.channel,
      chooseChannel: t.chooseChannelShort,
      perspective: t.perspective,
      question: t.question,
      note: t.note,
      weekday: t.weekday,
      time: t.time,
      rotation: t.rotation,
      skipWeeks: t.skipWeeks,
      alsoThisWeek: t.alsoThisWeek,
      preview: t.preview,
      postNow: t.postNow,
      subscribe: t.subscribe,
      pause: t.pause,
      resume: t.resume,
      stop: t.stop,
    },
    channel: d.channel,
    perspective: d.perspective,
    perspectives: perspectives().map((x) => ({ title: `${x.title} (${x.syntheseName})`, value: x.id })),
    question: d.question ?? '',
    note: d.note ?? '',
    suggestions: t.suggestions(SUGGESTIONS[d.perspective].join(' · ')),
    weekday: d.weekday,
    weekdays: t.weekdays.map((w, i) => ({ title: w, value: String(i + 1) })),
    time: d.time,
    rotation: d.rotation,
    skipWeeks: d.skipWeeks,
    status: v.opened?.status,
    opened: v.opened?.id ?? '',
    canPause: Boolean(v.opened && !v.opened.paused),
    canResume: Boolean(v.opened?.paused),
    canStop: Boolean(v.opened),
  });
}

/** Exactly the card the channel will get, under a banner, with Send (carrying the post) and Ret. */
export function renderPreviewCard(
  post: WeeklyPost,
  draft: PostDraft,
  where: string,
  links: { teamsAppId?: string; tabUrl: string },
  language: Language,
): AdaptiveCardJson {
  const t = strings(language).weekly;
  const card = renderWeeklyCard(post, links);
  const { id, ...shown } = draft;
  const head = preview({
    fallbackText: `${t.previewBanner(where)}\n${card.fallbackText}`,
    banner: t.previewBanner(where),
    sendTitle: t.send,
    send: { action: 'weeklySend', post: shown, draftId: id },
    editTitle: t.edit,
    edit: { action: 'weeklyEdit', post: shown },
  });
  return { ...head, body: [...head.body, ...card.body] };
}

/** What was sent, and where: the perspective, the question and the note. */
export function renderSentCard(post: WeeklyPost, where: string, language: Language): AdaptiveCardJson {
  const t = strings(language).weekly;
  const p = perspectiveOf(post.perspective);
  const summary = t.sent(where, p.title, post.week);
  const lines = [post.question && t.questionLine(post.question), post.note && t.noteLine(post.note)].filter((l): l is string => Boolean(l));
  return sent({
    fallbackText: [summary, ...lines].join('\n'),
    style: p.cardStyle,
    title: t.sentTitle,
    summary,
    lines: lines.map((text) => ({ text })),
    againTitle: t.again,
  });
}

/** "Aktivt – hver mandag kl. 09:00 (dansk tid), på skift fra denne uge: driften → …". */
export function describe(s: Subscription, week: { index: number; key: string }, language: Language): string {
  const t = strings(language).weekly;
  const fromNow = s.rotation.map((_id, i) => s.rotation[(week.index + i) % s.rotation.length]);
  return [
    t.status(s.paused ? t.paused : t.active, when(s, language), fromNow.map((id) => perspectiveOf(id).heading).join(' → ')),
    s.from && s.from > week.key ? t.startsIn(Number(s.from.split('-W')[1])) : '',
    s.lastPostedWeek ? t.lastPosted(s.lastPostedWeek) : '',
    s.skipWeeks.length ? t.skips(s.skipWeeks.join(', ')) : '',
    s.failures.length ? t.lastFailure(s.failures[s.failures.length - 1].week) : '',
  ]
    .filter(Boolean)
    .join(' ');
}

/** "hver mandag kl. 09:00" / "every Monday at 09:00". */
export function when(s: Pick<Subscription, 'weekday' | 'time'>, language: Language): string {
  const t = strings(language).weekly;
  return t.when(t.weekdays[s.weekday - 1] ?? String(s.weekday), s.time);
}

/** A short message in place of a card, when nothing more can be shown (storage down). */
export const renderNoticeCard = (text: string): AdaptiveCardJson => notice({ text });
