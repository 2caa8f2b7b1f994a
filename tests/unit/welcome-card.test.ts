import { renderWelcomeCard, welcomeCardData } from '../../bot/cards/welcome-card';
import { cardProblems } from '../helpers/adaptive-card';
import { cardBytes, MAX_CARD_BYTES } from '../../bot/cards/render';

describe('welcome card', () => {
  it('is Adaptive Card 1.5 with fallback text, the four perspectives and the centre', () => {
    const card = renderWelcomeCard(welcomeCardData());
    expect(card.version).toBe('1.5');
    expect(card.fallbackText).toBe(welcomeCardData().fallbackText);
    const json = JSON.stringify(card);
    for (const t of ['Sammen sikrer vi driften', 'Sammen styrker vi resultaterne', 'Sammen skaber vi velfærd', 'Sammen udvikler vi en robust organisation', 'Borgere og lokalsamfund']) {
      expect(json).toContain(t);
    }
    expect(json).not.toContain('${');
    expect(cardBytes(card)).toBeLessThan(MAX_CARD_BYTES);
  });

  it('asks for the role when it is unknown and names it when it is known, with one button per role', () => {
    const unknown = renderWelcomeCard(welcomeCardData());
    expect(JSON.stringify(unknown)).toContain('Hvad er din rolle?');
    expect(unknown.actions).toEqual(
      ['direktion', 'centerchef', 'leder-af-ledere', 'leder-af-medarbejdere', 'medarbejder'].map((role) => expect.objectContaining({ type: 'Action.Submit', data: { action: 'setRole', role } })),
    );
    expect(JSON.stringify(renderWelcomeCard(welcomeCardData('leder-af-ledere')))).toContain('Din rolle: Leder af ledere');
  });

  it('parses in the adaptivecards library without problems, and a broken card does not', () => {
    expect(cardProblems(renderWelcomeCard(welcomeCardData()))).toEqual([]);
    expect(cardProblems({ ...renderWelcomeCard(welcomeCardData()), body: [{ type: 'TextBlock' }, { type: 'NoSuchElement' }] }).length).toBeGreaterThan(0);
  });
});
