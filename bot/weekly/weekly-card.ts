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
import { cardTemplate, type AdaptiveCardJson } from '../cards/render';
import template from './weekly.json';

/** What a post is; carried in the card so a refresh can rebuild it. */
export interface WeeklyPost {
  perspective: PerspectiveId;
  week: string;
  question?: string;
  note?: string;
  leader?: string;
}

/** Teams refreshes automatically for at most 60 named users. */
export const MAX_REFRESH_USERS = 60;

interface Data {
  fallbackText: string;
  style: string;
  color: string;
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
}

/**
 * The card. Without a viewer it is the shared version everyone sees; with
 * one, it adds that reader's contribution (or a role picker).
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
  const data: Data = {
    fallbackText: [
      `Ugens perspektiv (${post.week}): ${p.title} (${p.syntheseName})`,
      ...everyone.map((s) => `• ${s.text}`),
      post.question && `Spørgsmål: ${post.question}`,
      post.note && `“${post.note}” – ${post.leader ?? ''}`,
    ]
      .filter(Boolean)
      .join('\n'),
    style: p.cardStyle,
    color: p.cardStyle.charAt(0).toUpperCase() + p.cardStyle.slice(1),
    kicker: `UGENS PERSPEKTIV · ${post.week.replace('-W', ', uge ')}`,
    title: p.title,
    subtitle: `${p.syntheseName} · Den Nye Syntese`,
    everyoneHeading: 'Det forpligter vi os alle til',
    everyone,
    questionHeading: 'Spørgsmål til refleksion',
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
            text: 'Vælg din rolle for at se dit bidrag:',
            roles: roles().map((r) => ({ name: r.name, data: { ...post, action: 'weekly', role: r.id } })),
          }
        : undefined,
    showMineButton: !viewer,
    mineButton: 'Vis mit bidrag',
    post: { ...post, action: 'weekly' },
    submitData: { ...post, action: 'weeklyMine' },
    openTitle: 'Åbn i Hvidovrevejen-fanen',
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
