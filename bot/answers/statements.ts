// Answers that quote charter statements, verbatim, as card data.
import {
  byRole,
  cell,
  chain,
  contributionHeading,
  perspective,
  perspectives,
  row,
  rows,
  type PerspectiveId,
  type RoleId,
  type RowId,
  type Statement,
} from '../../data/charter';
import type { SearchHit } from '../../data/language/search';
import type { AnswerCardData, CardStatement } from '../cards/answer-card';
import type { ChoiceCardData } from '../cards/choice-card';
import { strings } from '../i18n';
import { actions, linkTo, type AnswerContext } from './context';
import { feedbackFor } from './feedback';
import { label } from './labels';

const TOPIC_LIMIT = 12;
/** A perspective's colour, as a container style (a stripe or a header): never as a text colour, which is unreadable in Teams. */
export const perspectiveStyle = (id: PerspectiveId) => perspective(id).cardStyle;

function quote(s: Statement, ctx: AnswerContext, note?: string): CardStatement {
  const variant = s.variants?.[0];
  const notes = [note, variant && strings(ctx.language).wordingNote(variant.page, variant.text)].filter(Boolean);
  return { id: s.id, text: s.text, ...(notes.length && { note: notes.join(' · ') }) };
}

function fallback(title: string, groups: { heading?: string; statements: CardStatement[] }[]): string {
  return [title, ...groups.map((g) => [g.heading, ...g.statements.map((s) => `• ${s.text}`)].filter(Boolean).join('\n'))].join('\n\n');
}

function base(intent: string, ctx: AnswerContext, header: AnswerCardData['header'], sections: AnswerCardData['sections']): AnswerCardData {
  const fallbackText = fallback(header.title, sections);
  return { intent, fallbackText, header, sections, buttonRows: [], feedback: feedbackFor(ctx, intent, fallbackText) };
}

const perspectiveHeader = (p: PerspectiveId): AnswerCardData['header'] => ({
  title: perspective(p).title,
  subtitle: `${perspective(p).syntheseName} · Den Nye Syntese`,
  style: perspective(p).cardStyle,
});

const ask = (
  ctx: AnswerContext,
  intent: 'cell' | 'role' | 'perspective' | 'chain',
  slots: { role?: RowId; perspective?: PerspectiveId },
  title?: string,
) => ({
  title: title ?? label({ intent, slots }, ctx.language),
  data: actions.answer({ intent, slots }, ctx.language),
});

/** One role's contribution to one perspective (or, for ALLE, what everyone commits to). */
/** A role's part in a perspective, under the role page's own heading ("Mit bidrag til en sikker drift"), with its page. */
function roleSection(rowId: RoleId, p: PerspectiveId, ctx: AnswerContext): AnswerCardData['sections'][number] {
  const r = row(rowId);
  const statements = cell(rowId, p);
  const danishHeading = contributionHeading(rowId, p);
  return {
    heading: ctx.language === 'en' ? `What ${r.name} contributes` : danishHeading,
    subheading:
      ctx.language === 'en' ? `“${danishHeading}” · ${r.name} · p. ${statements[0].page}` : `${r.name} · s. ${statements[0].page}`,
    statements: statements.map((s) => quote(s, ctx)),
  };
}

/** The job title a role was named by, said back with its charter role. */
const titleLead = (ctx: AnswerContext, rowId: RowId, title?: string) =>
  title && rowId !== 'alle' ? { lead: strings(ctx.language).titleIs(title, row(rowId).name) } : {};

export function cellAnswer(rowId: RowId, p: PerspectiveId, ctx: AnswerContext, title?: string): AnswerCardData {
  if (rowId === 'alle') return perspectiveAnswer(p, ctx);
  const t = strings(ctx.language);
  const card = base('cell', ctx, { ...perspectiveHeader(p), ...titleLead(ctx, rowId, title) }, [roleSection(rowId, p, ctx)]);
  card.context = { toggleTitle: t.everyoneToggle, heading: t.everyoneHeading, statements: cell('alle', p).map((s) => quote(s, ctx)) };
  card.buttonRows = [
    {
      label: t.otherPerspectives,
      buttons: perspectives()
        .filter((x) => x.id !== p)
        .map((x) => ask(ctx, 'cell', { role: rowId, perspective: x.id }, x.title)),
    },
    {
      label: t.otherRoles,
      buttons: rows()
        .filter((x) => x.id !== rowId)
        .map((x) => ask(ctx, 'cell', { role: x.id, perspective: p }, x.name)),
    },
  ];
  card.openUrl = { title: t.openInTab, url: linkTo(ctx, { view: 'cell', row: rowId, perspective: p }) };
  return card;
}

/** Everything for one role, across the four perspectives (pp. 8–17). */
export function roleAnswer(rowId: RowId, ctx: AnswerContext, title?: string): AnswerCardData {
  const t = strings(ctx.language);
  const r = row(rowId);
  const sections = byRole(rowId).map(({ perspective: p, statements }) => ({
    heading: rowId === 'alle' ? p.title : contributionHeading(rowId, p.id),
    subheading: `${p.title} (${p.syntheseName}) · ${ctx.language === 'en' ? 'p.' : 's.'} ${statements[0].page}`,
    statements: statements.map((s) => quote(s, ctx)),
  }));
  const heading = rowId === 'alle' ? t.everyoneTitle : t.roleTitle(r.name);
  const header = { title: heading, subtitle: t.pages(r.pages.join('–')), style: 'emphasis' as const, ...titleLead(ctx, rowId, title) };
  const card = base('role', ctx, header, sections);
  card.buttonRows = [
    {
      label: t.roleOtherRoles,
      buttons: rows()
        .filter((x) => x.id !== rowId)
        .map((x) => ask(ctx, 'role', { role: x.id }, x.name)),
    },
  ];
  card.openUrl = { title: t.openInTab, url: linkTo(ctx, { view: 'role', row: rowId }) };
  return card;
}

/**
 * One perspective: the asker's own part first when their role is known
 * ("Mit bidrag til en sikker drift"), then what everyone commits to; each
 * other role's part a click away.
 */
export function perspectiveAnswer(p: PerspectiveId, ctx: AnswerContext): AnswerCardData {
  const t = strings(ctx.language);
  const statements = cell('alle', p);
  const everyone = {
    heading: t.everyoneTitle,
    subheading: `ALLE · ${ctx.language === 'en' ? 'p.' : 's.'} ${statements[0].page}`,
    statements: statements.map((s) => quote(s, ctx)),
  };
  const card = base('perspective', ctx, perspectiveHeader(p), [...(ctx.role ? [roleSection(ctx.role, p, ctx)] : []), everyone]);
  card.buttonRows = [
    {
      label: t.whatEachRole,
      buttons: rows()
        .filter((x) => x.id !== 'alle')
        .map((x) => ask(ctx, 'cell', { role: x.id, perspective: p }, x.name)),
    },
    { label: t.chainTitle, buttons: [ask(ctx, 'chain', { perspective: p })] },
  ];
  card.openUrl = { title: t.openInTab, url: linkTo(ctx, { view: 'perspective', perspective: p }) };
  return card;
}

/** The chain for one perspective, as on pp. 18–25: ALLE, then Direktion down to Medarbejder. */
export function chainAnswer(p: PerspectiveId, ctx: AnswerContext): AnswerCardData {
  const t = strings(ctx.language);
  const sections = chain(p).map(({ row: r, statements }) => ({
    heading: r.matrixLabel,
    subheading: `${ctx.language === 'en' ? 'p.' : 's.'} ${statements[0].matrixPage}`,
    statements: statements.map((s) => quote(s, ctx)),
  }));
  const card = base('chain', ctx, { ...perspectiveHeader(p), subtitle: `${perspective(p).syntheseName} · ${t.chainTitle}` }, sections);
  card.buttonRows = [
    {
      label: t.chainOtherPerspectives,
      buttons: perspectives()
        .filter((x) => x.id !== p)
        .map((x) => ask(ctx, 'chain', { perspective: x.id }, x.title)),
    },
  ];
  card.openUrl = { title: t.openInTab, url: linkTo(ctx, { view: 'perspective', perspective: p }) };
  return card;
}

/** Statements matching a topic, grouped by role in the charter's order. */
export function topicAnswer(hits: SearchHit[], words: string, ctx: AnswerContext): AnswerCardData {
  const t = strings(ctx.language);
  const shown = [...hits].sort((a, b) => b.score - a.score).slice(0, TOPIC_LIMIT);
  const sections = rows()
    .map((r) => ({
      heading: r.name,
      statements: shown
        .filter((h) => h.row === r.id)
        .sort((a, b) => perspective(a.perspective).order - perspective(b.perspective).order)
        .map((h) => quote(h.statement, ctx, perspective(h.perspective).title)),
    }))
    .filter((s) => s.statements.length > 0);
  const card = base('topic', ctx, { title: t.topicTitle(words), style: 'emphasis' }, sections);
  if (hits.length > shown.length) card.more = t.topicMore(hits.length - shown.length);
  card.openUrl = { title: t.openInTab, url: linkTo(ctx, { view: 'matrix' }) };
  return card;
}

/** The four perspectives around Borgere og lokalsamfund. */
export function overviewAnswer(ctx: AnswerContext): ChoiceCardData {
  const t = strings(ctx.language);
  const lines = perspectives().map((p) => ({ text: `**${p.title}** (${p.syntheseName})`, style: perspectiveStyle(p.id) }));
  const fallbackText = [t.overviewTitle, ...lines.map((l) => l.text.replace(/\*\*/g, '')), t.centre].join('\n');
  return {
    intent: 'overview',
    fallbackText,
    feedback: feedbackFor(ctx, 'overview', fallbackText),
    title: t.overviewTitle,
    text: t.overviewText,
    lines,
    footer: t.centre,
    buttons: perspectives().map((p) => ask(ctx, 'perspective', { perspective: p.id }, p.title)),
  };
}
