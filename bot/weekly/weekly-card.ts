// The weekly perspective card, and each reader's own view of it.
import {
  cell,
  contributionHeading,
  perspective as perspectiveOf,
  role as roleOf,
  roles,
  type PerspectiveId,
  type RoleId,
} from '../../data/charter';
import { tabLink } from '../../data/deep-links';
import type { Language } from '../../data/language/language';
import { cardTemplate, type AdaptiveCardJson } from '../cards/render';
import { strings } from '../i18n';
import template from './weekly.json';

/** What a post is; carried in the card so a refresh can rebuild it. */
export interface WeeklyPost {
  perspective: PerspectiveId;
  week: string;
  question?: string;
  note?: string;
  leader?: string;
  /** The language of the card's own words as posted (the leader's); each reader's view uses theirs. */
  language?: Language;
}

/** Teams refreshes automatically for at most 60 named users. */
export const MAX_REFRESH_USERS = 60;

interface Data {
  fallbackText: string;
  style: string;
  kicker: string;
  title: string;
  subtitle: string;
  everyoneHeading: string;
  everyone: { id: string; text: string }[];
  questionHeading: string;
  question?: string;
  note?: string;
  leader?: string;
  mine?: { heading: string; role: string; statements: { id: string; text: string }[] };
  pickRole?: { text: string; roles: { name: string; data: object }[] };
  showMineButton: boolean;
  mineButton: string;
  post: WeeklyPost & { action: 'weekly' };
  submitData: object;
  openTitle: string;
  openUrl: string;
}

const expand = cardTemplate<Data>(template);

export interface Viewer {
  /** The reader's stored role; undefined asks them to pick one. */
  role?: RoleId;
  /** The reader's language (their client's locale). */
  language?: Language;
}

/** "2026-W49" → 2026, 49. */
const weekParts = (key: string) => {
  const [year, week] = key.split('-W').map(Number);
  return { year: year || 0, week: week || 0 };
};

/**
 * The card. Without a viewer it is the shared version everyone sees; with
 * one, it adds that reader's contribution (or a role picker), in their
 * language. Charter text stays Danish, as it stands.
 */
export function renderWeeklyCard(
  post: WeeklyPost,
  links: { teamsAppId?: string; tabUrl: string },
  options: { viewer?: Viewer; userIds?: string[] } = {},
): AdaptiveCardJson {
  const p = perspectiveOf(post.perspective);
  const everyone = cell('alle', p.id).map((s) => ({ id: s.id, text: s.text }));
  const viewer = options.viewer;
  const role = viewer?.role;
  const language = viewer?.language ?? post.language ?? 'da';
  const t = strings(language);
  const { year, week } = weekParts(post.week);
  const data: Data = {
    fallbackText: [
      t.weekly.fallback(post.week, `${p.title} (${p.syntheseName})`),
      ...everyone.map((s) => `• ${s.text}`),
      post.question && t.weekly.questionLine(post.question),
      post.note && `“${post.note}” – ${post.leader ?? ''}`,
    ]
      .filter(Boolean)
      .join('\n'),
    style: p.cardStyle,
    kicker: t.weekly.kicker(year, week),
    title: p.title,
    subtitle: `${p.syntheseName} · Den Nye Syntese`,
    everyoneHeading: t.weekly.everyoneHeading,
    everyone,
    questionHeading: t.weekly.questionHeading,
    question: post.question || undefined,
    note: post.note || undefined,
    leader: post.leader,
    mine: role
      ? {
          heading: contributionHeading(role, p.id),
          role: roleOf(role).name,
          statements: cell(role, p.id).map((s) => ({ id: s.id, text: s.text })),
        }
      : undefined,
    pickRole:
      viewer && !role
        ? {
            text: t.weekly.pickRole,
            roles: roles().map((r) => ({ name: r.name, data: { ...post, action: 'weekly', role: r.id } })),
          }
        : undefined,
    showMineButton: !viewer,
    mineButton: t.weekly.mine,
    post: { ...post, action: 'weekly' },
    submitData: { ...post, action: 'weeklyMine' },
    openTitle: t.openInTab,
    openUrl: tabLink({ view: 'perspective', perspective: p.id }, links),
  };
  const card = expand(data);
  const userIds = options.userIds ?? [];
  if (!viewer && userIds.length > 0 && userIds.length <= MAX_REFRESH_USERS) {
    return {
      ...card,
      refresh: { action: { type: 'Action.Execute', verb: 'weeklyRefresh', data: { ...post, action: 'weekly' } }, userIds },
    };
  }
  return card;
}
