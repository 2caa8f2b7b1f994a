// The bot's changed cards as a Teams client draws them: the adaptivecards
// renderer in Chromium with Teams' light, dark and high-contrast host
// configs. Screenshots go to test-artifacts/cards/<theme>-<card>.png.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { cell, charter } from '../../data/charter';
import dark from '../helpers/host-configs/teams-dark.json';
import highContrast from '../helpers/host-configs/teams-high-contrast.json';
import light from '../helpers/host-configs/teams-light.json';
import { allCards } from '../helpers/all-cards';
import { launchChromium } from '../helpers/browser';

const ARTIFACTS = path.join(__dirname, '../../test-artifacts/cards');
const RENDERER = require.resolve('adaptivecards/dist/adaptivecards.min.js');
const THEMES = {
  light: [light, '#F5F5F5', '#FFFFFF'],
  dark: [dark, '#1F1F1F', '#2D2C2C'],
  contrast: [highContrast, '#000000', '#000000'],
} as const;
const SHOWN = [
  'da-cell-centerchef-resultaterne',
  'da-perspective-mine-driften',
  'da-chain-velfaerd',
  'da-role-medarbejder',
  'da-cell-title',
  'da-did-you-mean',
  'da-synthesis',
  'da-about',
  'da-overview',
  'da-team-welcome',
];
const cards = new Map(allCards().map((c) => [c.name, c.card]));

let browser: Browser;
beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  browser = await launchChromium();
}, 30000);
afterAll(() => browser?.close());

async function draw(theme: keyof typeof THEMES, name: string): Promise<{ page: Page; text: string }> {
  const [hostConfig, page_, card_] = THEMES[theme];
  const page = await browser.newPage({ viewport: { width: 520, height: 900 }, deviceScaleFactor: 1 });
  await page.setContent(
    `<!doctype html><html><body style="margin:0;padding:16px;background:${page_};font-family:system-ui"><div id="card" style="width:420px;background:${card_};border-radius:8px;overflow:hidden"></div></body></html>`,
  );
  await page.addScriptTag({ path: RENDERER });
  await page.evaluate(
    ({ card, hostConfig }) => {
      const AC = (window as any).AdaptiveCards;
      const adaptive = new AC.AdaptiveCard();
      adaptive.hostConfig = new AC.HostConfig(hostConfig);
      adaptive.parse(card);
      document.getElementById('card')!.appendChild(adaptive.render());
    },
    { card: cards.get(name), hostConfig },
  );
  await page.locator('#card').screenshot({ path: path.join(ARTIFACTS, `${theme}-${name}.png`) });
  return { page, text: (await page.textContent('#card')) ?? '' };
}

describe.each(Object.keys(THEMES) as (keyof typeof THEMES)[])('answer cards in Teams %s', (theme) => {
  it.each(SHOWN)('%s renders', async (name) => {
    const { page, text } = await draw(theme, name);
    try {
      expect(text.length).toBeGreaterThan(40);
      if (name === 'da-perspective-mine-driften') {
        // The asker's own part first, then what everyone commits to.
        const mine = text.indexOf('Mit bidrag til en sikker drift');
        expect(mine).toBeGreaterThanOrEqual(0);
        expect(text.indexOf('Det forpligter vi os alle til')).toBeGreaterThan(mine);
        for (const s of [...cell('medarbejder', 'driften'), ...cell('alle', 'driften')]) expect(text).toContain(s.text);
      }
      if (name === 'da-chain-velfaerd') expect(text).toContain('Hele kæden for et andet perspektiv');
      if (name === 'da-role-medarbejder') expect(text).toContain('Alt for en anden rolle');
      if (name === 'da-cell-title') expect(text.replace(/\*\*/g, '')).toContain('Som pædagog er du Medarbejder i Hvidovrevejen');
      if (name === 'da-synthesis' || name === 'da-about') {
        // Each paragraph is its own block, with space between them.
        const blocks = await page.locator('#card .ac-textBlock').allTextContents();
        const paragraphs =
          name === 'da-synthesis'
            ? charter.newSynthesis.paragraphs.slice(4)
            : [charter.foreword.paragraphs[2], charter.foreword.paragraphs[3]];
        for (const p of paragraphs) expect(blocks).toContain(p);
      }
      if (name === 'da-did-you-mean') {
        // Long choices wrap inside the card instead of running to its edge.
        const card = (await page.locator('#card').boundingBox())!;
        const choices = page.locator('#card [role="button"]');
        expect(await choices.count()).toBe(3);
        for (const box of await choices.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect)))
          expect(box.right).toBeLessThanOrEqual(card.x + card.width - 8);
      }
      if (name === 'da-team-welcome') {
        expect(text).toContain('@Hvidovrevejen');
        expect(text).not.toContain('Jeg kender ikke din rolle');
      }
    } finally {
      await page.close();
    }
  });
});
