// Answers that quote the charter's prose, and the bot's own short cards.
import { charter, perspectives, role, roles } from '../../data/charter';
import type { Interpretation } from '../../data/language/recognizer';
import type { ChoiceCardData } from '../cards/choice-card';
import type { InfoCardData } from '../cards/info-card';
import type { Button } from '../cards/render';
import { strings } from '../i18n';
import { actions, linkTo, type AnswerContext } from './context';
import { feedbackFor } from './feedback';
import { label } from './labels';
import { perspectiveStyle } from './statements';

const f = charter.foreword;
const signatories = f.signatories.map((s) => `${s.name} (${s.title})`).join(', ');
const infoButtons = (ctx: AnswerContext, except: string): Button[] =>
  (['overview', 'values', 'synthesis', 'about'] as const)
    .filter((i) => i !== except)
    .map((intent) => ({ title: label({ intent, slots: {} }, ctx.language), data: actions.answer({ intent, slots: {} }, ctx.language) }));

function info(
  ctx: AnswerContext,
  data: Omit<InfoCardData, 'fallbackText' | 'buttons' | 'feedback' | 'after'> & { after?: string[] },
): InfoCardData {
  const after = data.after ?? [];
  const fallbackText = [data.title, ...data.paragraphs, ...data.list.map((l) => `• ${l}`), ...after, data.footer]
    .filter(Boolean)
    .join('\n\n');
  return {
    ...data,
    after,
    fallbackText,
    feedback: feedbackFor(ctx, data.intent, fallbackText),
    buttons: infoButtons(ctx, data.intent),
    openUrl: { title: strings(ctx.language).openInTab, url: linkTo(ctx, { view: 'about' }) },
  };
}

/** What Hvidovrevejen is: its origin, purpose and the four perspectives. */
export function aboutAnswer(ctx: AnswerContext): InfoCardData {
  const t = strings(ctx.language);
  return info(ctx, {
    intent: 'about',
    title: t.aboutTitle,
    subtitle: charter.title,
    paragraphs: [charter.introduction.paragraphs[0]],
    list: charter.introduction.list!,
    after: [f.paragraphs[2], f.paragraphs[3], f.paragraphs[f.purposeParagraph]],
    footer: `${t.signed}: ${signatories}`,
  });
}

export function valuesAnswer(ctx: AnswerContext): InfoCardData {
  const t = strings(ctx.language);
  return info(ctx, {
    intent: 'values',
    title: t.valuesTitle,
    paragraphs: [f.paragraphs[f.valuesParagraph]],
    list: f.values,
    footer: `${t.signed}: ${signatories}`,
  });
}

export function synthesisAnswer(ctx: AnswerContext): InfoCardData {
  const n = charter.newSynthesis;
  return info(ctx, {
    intent: 'synthesis',
    title: strings(ctx.language).synthesisTitle,
    subtitle: charter.introduction.list!.join(' · '),
    paragraphs: n.paragraphs.slice(0, 4),
    list: n.list!,
    after: n.paragraphs.slice(4),
    footer: `${n.book.prompt} ${n.book.lead} ${n.book.citation}`,
  });
}

const exampleButtons = (ctx: AnswerContext): Button[] => strings(ctx.language).examples.map((q) => ({ title: q, data: actions.ask(q) }));

function choice(intent: string, title: string, text: string, buttons: Button[], extra: Partial<ChoiceCardData> = {}): ChoiceCardData {
  const lines = extra.lines ?? [];
  const fallbackText = [title, text, ...lines.map((l) => l.text.replace(/\*\*/g, '')), extra.footer, ...buttons.map((b) => `– ${b.title}`)]
    .filter(Boolean)
    .join('\n');
  return { intent, title, text, lines, buttons, fallbackText, ...extra };
}

export function welcomeAnswer(ctx: AnswerContext): ChoiceCardData {
  const t = strings(ctx.language);
  const roleLine = ctx.role ? t.roleIs(role(ctx.role).name) : `${t.roleUnknown} ${t.pickRoleText}`;
  return choice('welcome', t.welcomeTitle, t.welcomeText, exampleButtons(ctx), {
    subtitle: charter.title,
    lines: perspectives().map((p) => ({ text: `**${p.title}** (${p.syntheseName})`, style: perspectiveStyle(p.id) })),
    footer: `${t.centre}\n\n${roleLine}`,
  });
}

/** The welcome a team or group chat sees on install: how to ask here (an @mention), and nothing about one person's role. */
export function teamWelcomeAnswer(ctx: AnswerContext): ChoiceCardData {
  const t = strings(ctx.language);
  return choice('welcome', t.welcomeTitle, t.teamWelcomeText, exampleButtons(ctx), {
    subtitle: charter.title,
    lines: perspectives().map((p) => ({ text: `**${p.title}** (${p.syntheseName})`, style: perspectiveStyle(p.id) })),
    footer: t.centre,
  });
}

export function helpAnswer(ctx: AnswerContext): ChoiceCardData {
  const t = strings(ctx.language);
  return choice('help', t.helpTitle, t.helpText, [...exampleButtons(ctx), { title: t.changeRole, data: actions.changeRole() }]);
}

export function outOfScopeAnswer(ctx: AnswerContext, intent: 'outOfScope' | 'unknown'): ChoiceCardData {
  const t = strings(ctx.language);
  return choice(intent, t.outOfScopeTitle, t.outOfScopeText, exampleButtons(ctx));
}

/** The five roles by their charter names; a pending question is answered once one is picked. */
export function rolePickerAnswer(ctx: AnswerContext, pending?: Interpretation): ChoiceCardData {
  const t = strings(ctx.language);
  const buttons = roles().map((r) => ({
    title: r.name,
    data: actions.setRole(r.id, pending && { ...pending, language: ctx.language }),
  }));
  return choice('pickRole', t.pickRoleTitle, t.pickRoleText, buttons);
}

export function showRoleAnswer(ctx: AnswerContext): ChoiceCardData {
  if (!ctx.role) return rolePickerAnswer(ctx);
  const t = strings(ctx.language);
  const name = role(ctx.role).name;
  return choice(
    'showRole',
    t.roleIs(name).replace(/\*\*/g, ''),
    '',
    [
      { title: t.allFor(name), data: actions.answer({ intent: 'role', slots: { role: ctx.role } }, ctx.language) },
      { title: t.changeRole, data: actions.changeRole() },
    ],
    { text: undefined },
  );
}

/** "Mente du …?" with two or three readings that answer directly when clicked. */
export function didYouMeanAnswer(ctx: AnswerContext, options: Interpretation[]): ChoiceCardData {
  const t = strings(ctx.language);
  const buttons = options.slice(0, 3).map((o) => ({ title: label(o, ctx.language), data: actions.answer(o, ctx.language) }));
  return choice('didYouMean', t.didYouMean, t.didYouMeanText, buttons);
}
