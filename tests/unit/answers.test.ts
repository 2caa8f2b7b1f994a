import { readIncoming } from '../../bot/answers/incoming';
import { answer, plan } from '../../bot/answers/plan';
import { recognize } from '../../data/language/recognizer';
import { cardBytes, MAX_CARD_BYTES } from '../../bot/cards/render';
import { cardProblems } from '../helpers/adaptive-card';
import { cell, PERSPECTIVE_IDS, ROW_IDS } from '../../data/charter';
import { cellAnswer, overviewAnswer } from '../../bot/answers/statements';
import { synthesisAnswer } from '../../bot/answers/info';
import { renderAnswerCard } from '../../bot/cards/answer-card';
import { renderChoiceCard } from '../../bot/cards/choice-card';
import { renderInfoCard } from '../../bot/cards/info-card';
import type { AdaptiveCardJson } from '../../bot/cards/render';

const ctx = { language: 'da' as const, question: 'q', links: { tabUrl: 'http://localhost:3978/tab/' } };

describe('button payloads', () => {
  it('accept what our cards send', () => {
    expect(
      readIncoming({ action: 'answer', intent: 'cell', slots: { role: 'centerchef', perspective: 'driften' }, language: 'en' }),
    ).toEqual({
      kind: 'answer',
      interpretation: { intent: 'cell', slots: { role: 'centerchef', perspective: 'driften' } },
      language: 'en',
    });
    expect(
      readIncoming({
        action: 'setRole',
        role: 'medarbejder',
        pending: { intent: 'cell', slots: { self: true, perspective: 'robust' }, language: 'da' },
      }),
    ).toMatchObject({
      kind: 'setRole',
      role: 'medarbejder',
      pending: { intent: 'cell', slots: { self: true, perspective: 'robust' } },
    });
  });

  it('reject anything else', () => {
    for (const v of [
      null,
      'x',
      { action: 'setRole', role: 'alle' },
      { action: 'answer', intent: 'eval', slots: {} },
      { action: 'answer', intent: 'cell', slots: { role: 'x' } },
      { action: 'feedback', vote: 'meh', question: 'q' },
      { action: 'ask', question: 'x'.repeat(501) },
    ]) {
      expect(readIncoming(v)).toBeUndefined();
    }
  });
});

describe('plan', () => {
  it('asks for the role and keeps the question when "my role" is unknown', () => {
    const p = plan(recognize('hvad er mit ansvar for driften?'), ctx);
    expect(p.answered).toBe('pickRole');
    expect(p.pending).toEqual({ intent: 'cell', slots: { self: true, perspective: 'driften' }, language: 'da' });
  });

  it('asks for the role when "min leder" is asked with none stored, then answers for the leader above it', () => {
    const p = plan(recognize('hvad er min leders ansvar for driften?'), ctx);
    expect(p.answered).toBe('pickRole');
    expect(p.pending).toEqual({ intent: 'cell', slots: { self: true, relation: 'leader', perspective: 'driften' }, language: 'da' });
    const { language: _l, ...waiting } = p.pending!;
    // The picker's buttons carry the question back; the relation survives the round trip.
    const button = JSON.parse(JSON.stringify({ action: 'setRole', role: 'medarbejder', pending: p.pending }));
    expect(readIncoming(button)).toMatchObject({ kind: 'setRole', pending: { slots: { relation: 'leader' } } });
    const odd = readIncoming({ ...button, pending: { ...p.pending, slots: { self: true, relation: 'x' } } });
    expect(odd?.kind === 'setRole' && odd.pending?.slots).toEqual({ self: true });
    const card = JSON.stringify(answer(waiting, { ...ctx, role: 'medarbejder' }).messages[0].card);
    expect(card).toContain(JSON.stringify(cell('leder-af-medarbejdere', 'driften')[0].text).slice(1, -1));
    expect(card).not.toContain(JSON.stringify(cell('medarbejder', 'driften')[0].text).slice(1, -1));
  });

  it('answers "my role" with the stored role', () => {
    expect(plan(recognize('hvad er mit ansvar for driften?'), { ...ctx, role: 'centerchef' }).answered).toBe('cell');
  });

  it('renders every cell, role, perspective and chain card valid and under 28 KB, in both languages', () => {
    let largest = 0;
    for (const language of ['da', 'en'] as const) {
      const cards = [
        ...ROW_IDS.flatMap((role) =>
          PERSPECTIVE_IDS.map((perspective) => answer({ intent: 'cell', slots: { role, perspective } }, { ...ctx, language })),
        ),
        ...ROW_IDS.map((role) => answer({ intent: 'role', slots: { role } }, { ...ctx, language })),
        ...PERSPECTIVE_IDS.flatMap((perspective) =>
          ['perspective', 'chain'].map((intent) => answer({ intent: intent as 'chain', slots: { perspective } }, { ...ctx, language })),
        ),
        ...['overview', 'synthesis', 'values', 'about', 'help', 'greeting', 'changeRole', 'outOfScope'].map((intent) =>
          answer({ intent: intent as 'help', slots: {} }, { ...ctx, language }),
        ),
      ].flatMap((p) => p.messages.map((m) => m.card!));
      for (const card of cards) {
        expect(cardProblems(card)).toEqual([]);
        expect(card.fallbackText.length).toBeGreaterThan(10);
        largest = Math.max(largest, cardBytes(card));
      }
    }
    expect(largest).toBeLessThan(MAX_CARD_BYTES);
  });

  // The memo keeps answers without the question; the vote part is made per reply.
  describe('a kept answer, asked again in other words, is the card a fresh render gives', () => {
    const votes = (card: AdaptiveCardJson) => JSON.stringify(card).match(/"question":"[^"]*"|"card":"[^"]*"/g);
    const cases: [string, Parameters<typeof answer>[0], (c: typeof ctx) => AdaptiveCardJson][] = [
      [
        'cell',
        { intent: 'cell', slots: { role: 'centerchef', perspective: 'driften' } },
        (c) => renderAnswerCard(cellAnswer('centerchef', 'driften', c)),
      ],
      ['overview', { intent: 'overview', slots: {} }, (c) => renderChoiceCard(overviewAnswer(c))],
      ['synthesis', { intent: 'synthesis', slots: {} }, (c) => renderInfoCard(synthesisAnswer(c))],
    ];
    it.each(cases)('%s', (_name, i, fresh) => {
      const first = { ...ctx, question: 'Hvad er centerchefens ansvar for driften?' };
      const second = { ...ctx, question: 'og "centerchefen" – driften?' };
      answer(i, first);
      const kept = answer(i, second).messages[0].card!;
      expect(kept).toEqual(fresh(second));
      expect(votes(kept)).toEqual(votes(fresh(second)));
      expect(JSON.stringify(kept)).toContain('og \\"centerchefen\\" – driften?');
      expect(votes(kept)).not.toEqual(votes(answer(i, first).messages[0].card!));
    });
  });
});
