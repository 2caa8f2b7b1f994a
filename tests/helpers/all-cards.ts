// Every kind of card the bot sends, rendered as it sends them, in Danish and
// English: for the contrast check and the screenshots.
import { cell, PERSPECTIVE_IDS, ROW_IDS } from '../../data/charter';
import type { Interpretation } from '../../data/language/recognizer';
import { searchStatements } from '../../data/language/search';
import { didYouMeanAnswer, helpAnswer, rolePickerAnswer, teamWelcomeAnswer, welcomeAnswer } from '../../bot/answers/info';
import { answer } from '../../bot/answers/plan';
import { topicAnswer } from '../../bot/answers/statements';
import { renderAnswerCard } from '../../bot/cards/answer-card';
import { renderChoiceCard } from '../../bot/cards/choice-card';
import type { AdaptiveCardJson } from '../../bot/cards/render';
import { renderWeeklyCard } from '../../bot/weekly/weekly-card';
import { linkAttachment, statementCard } from '../../bot/extension/cards';

const links = { tabUrl: 'http://localhost:3978/tab/' };

export function allCards(): { name: string; card: AdaptiveCardJson }[] {
  const out: { name: string; card: AdaptiveCardJson }[] = [];
  for (const language of ['da', 'en'] as const) {
    const ctx = { language, question: 'Hvad er centerchefens ansvar for driften?', links };
    const mine = { ...ctx, role: 'medarbejder' as const };
    const add = (name: string, i: Interpretation, c: typeof ctx = ctx) =>
      answer(i, c).messages.forEach((m, n) => m.card && out.push({ name: `${language}-${name}${n ? `-${n}` : ''}`, card: m.card }));
    for (const role of ROW_IDS)
      for (const perspective of PERSPECTIVE_IDS) add(`cell-${role}-${perspective}`, { intent: 'cell', slots: { role, perspective } });
    for (const role of ROW_IDS) add(`role-${role}`, { intent: 'role', slots: { role } });
    for (const perspective of PERSPECTIVE_IDS) {
      add(`perspective-${perspective}`, { intent: 'perspective', slots: { perspective } });
      add(`perspective-mine-${perspective}`, { intent: 'perspective', slots: { perspective } }, mine);
      add(`chain-${perspective}`, { intent: 'chain', slots: { perspective } });
    }
    add('cell-title', { intent: 'cell', slots: { role: 'medarbejder', perspective: 'velfaerd', title: 'pædagog' } });
    for (const intent of ['overview', 'synthesis', 'values', 'about', 'changeRole', 'outOfScope'] as const)
      add(intent, { intent, slots: {} });
    out.push({ name: `${language}-topic`, card: renderAnswerCard(topicAnswer(searchStatements('feedback').hits, 'feedback', ctx)) });
    out.push({ name: `${language}-welcome`, card: renderChoiceCard(welcomeAnswer(ctx)) });
    out.push({ name: `${language}-team-welcome`, card: renderChoiceCard(teamWelcomeAnswer(ctx)) });
    out.push({ name: `${language}-help`, card: renderChoiceCard(helpAnswer(ctx)) });
    out.push({ name: `${language}-pick-role`, card: renderChoiceCard(rolePickerAnswer(ctx)) });
    const options: Interpretation[] = [
      { intent: 'cell', slots: { role: 'leder-af-medarbejdere', perspective: 'robust' } },
      { intent: 'cell', slots: { role: 'leder-af-ledere', perspective: 'robust' } },
      { intent: 'chain', slots: { perspective: 'robust' } },
    ];
    out.push({ name: `${language}-did-you-mean`, card: renderChoiceCard(didYouMeanAnswer(ctx, options)) });
    // The message extension's: a chosen statement, a linked cell, a linked perspective.
    for (const perspective of PERSPECTIVE_IDS) {
      const statement = cell('medarbejder', perspective)[0];
      out.push({
        name: `${language}-extension-statement-${perspective}`,
        card: statementCard({ row: 'medarbejder', perspective, statement }, language, links),
      });
      for (const view of [
        { view: 'cell', row: 'centerchef', perspective },
        { view: 'perspective', perspective },
      ] as const)
        out.push({ name: `${language}-extension-${view.view}-${perspective}`, card: linkAttachment(view, language, links)!.content });
    }
    for (const perspective of PERSPECTIVE_IDS) {
      const post = {
        perspective,
        week: '2026-W48',
        question: 'Hvad har vi lært i denne uge?',
        note: 'Godt gået.',
        leader: 'Lene Holm',
        language,
      };
      out.push({ name: `${language}-weekly-${perspective}`, card: renderWeeklyCard(post, links) });
      out.push({
        name: `${language}-weekly-mine-${perspective}`,
        card: renderWeeklyCard(post, links, { viewer: { role: 'medarbejder', language } }),
      });
    }
  }
  return out;
}
