// The message extension as a Teams client draws it: the result list for a
// search and the card it inserts, by the adaptivecards renderer in Chromium
// with Teams' host configs. Screenshots go to test-artifacts/extension/ (the
// README shows copies from docs/).
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { cell, perspective } from '../../data/charter';
import { linkAttachment, resultAttachment } from '../../bot/extension/cards';
import { findStatements } from '../../bot/extension/find';
import dark from '../helpers/host-configs/teams-dark.json';
import highContrast from '../helpers/host-configs/teams-high-contrast.json';
import light from '../helpers/host-configs/teams-light.json';
import { launchChromium } from '../helpers/browser';

const ARTIFACTS = path.join(__dirname, '../../test-artifacts/extension');
const RENDERER = require.resolve('adaptivecards/dist/adaptivecards.min.js');
const THEMES = {
  light: [light, '#F5F5F5', '#FFFFFF', '#242424'],
  dark: [dark, '#1F1F1F', '#2D2C2C', '#FFFFFF'],
  contrast: [highContrast, '#000000', '#000000', '#FFFFFF'],
} as const;
const links = { tabUrl: 'https://hvidovrevejen.azurewebsites.net/tab/' };

let browser: Browser;
beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  browser = await launchChromium();
}, 30000);
afterAll(() => browser?.close());

/** Draws cards one under another in a pane (a heading, then each card), and returns the pane's text and stripe colours. */
async function draw(theme: keyof typeof THEMES, heading: string, cards: object[], file: string) {
  const [hostConfig, page_, pane, ink] = THEMES[theme];
  const page = await browser.newPage({ viewport: { width: 560, height: 1200 }, deviceScaleFactor: 1 });
  await page.setContent(
    `<!doctype html><html><body style="margin:0;padding:16px;background:${page_};font-family:'Segoe UI',system-ui,sans-serif">` +
      `<div id="pane" style="width:480px;background:${pane};border-radius:8px;overflow:hidden;padding:8px 0">` +
      `<div style="padding:4px 16px 8px;color:${ink};font-weight:600;font-size:14px">${heading}</div></div></body></html>`,
  );
  await page.addScriptTag({ path: RENDERER });
  const stripes = await page.evaluate(
    ({ cards, hostConfig }) => {
      const AC = (window as any).AdaptiveCards;
      const pane = document.getElementById('pane')!;
      cards.forEach((card, n) => {
        const adaptive = new AC.AdaptiveCard();
        adaptive.hostConfig = new AC.HostConfig(hostConfig);
        adaptive.parse(card);
        const holder = document.createElement('div');
        if (n > 0) holder.style.borderTop = '1px solid rgba(128,128,128,.35)';
        holder.appendChild(adaptive.render());
        pane.appendChild(holder);
      });
      // The stripe: the first column of each card's first column set.
      return Array.from(pane.querySelectorAll('.ac-columnSet')).map(
        (set) => getComputedStyle(set.firstElementChild as Element).backgroundColor,
      );
    },
    { cards, hostConfig },
  );
  await page.locator('#pane').screenshot({ path: path.join(ARTIFACTS, file) });
  const text = (await page.textContent('#pane')) ?? '';
  await page.close();
  return { text, stripes };
}

/** Teams lays out a list result's thumbnail preview as a title over a line of text; drawn as such a card. */
const asListItem = (preview: { title: string; text: string }) => ({
  type: 'AdaptiveCard',
  version: '1.5',
  body: [
    { type: 'TextBlock', text: preview.title, weight: 'Bolder', wrap: true, maxLines: 2 },
    { type: 'TextBlock', text: preview.text, isSubtle: true, size: 'Small', spacing: 'None', wrap: true },
  ],
});

const hex = (rgb: string) =>
  `#${(rgb.match(/\d+/g) ?? [])
    .slice(0, 3)
    .map((n) => Number(n).toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase()}`;

describe.each(Object.keys(THEMES) as (keyof typeof THEMES)[])('the message extension in Teams %s', (theme) => {
  const [hostConfig] = THEMES[theme];
  const styleColour = (style: string) =>
    (hostConfig.containerStyles as Record<string, { backgroundColor: string }>)[style].backgroundColor
      .replace(/^#(..)?(......)$/, '#$2')
      .toUpperCase();

  it('lists the results for "feedback", each with its statement, role and perspective', async () => {
    const results = findStatements('feedback').map((f) => resultAttachment(f, 'da', links));
    const { text } = await draw(
      theme,
      'Søg i Hvidovrevejen: feedback',
      results.map((r) => asListItem(r.preview.content)),
      `results-${theme}.png`,
    );
    for (const r of results) expect(text).toContain(r.preview.content.title);
    expect(text).toContain('Medarbejder · Sammen styrker vi resultaterne · s. 16');
  });

  it('inserts the chosen statement verbatim, with the perspective’s colour as a stripe', async () => {
    const [first] = findStatements('feedback');
    const { text, stripes } = await draw(theme, 'Indsat i chatten', [resultAttachment(first, 'da', links).content], `card-${theme}.png`);
    expect(text).toContain(first.statement.text);
    expect(text).toContain(`Medarbejder · ${perspective(first.perspective).title} · s. ${first.statement.page}`);
    expect(text).toContain('Åbn i Hvidovrevejen');
    expect(stripes.map(hex)).toEqual([styleColour(perspective(first.perspective).cardStyle)]);
  });

  it('unfolds a pasted link to a cell into that cell', async () => {
    const card = linkAttachment({ view: 'cell', row: 'centerchef', perspective: 'driften' }, 'da', links)!.content;
    const { text, stripes } = await draw(theme, 'Et link til fanen, foldet ud', [card], `link-${theme}.png`);
    for (const s of cell('centerchef', 'driften')) expect(text).toContain(s.text);
    expect(text).toContain('Mit bidrag til en sikker drift');
    expect(stripes.map(hex)).toEqual([styleColour('accent')]);
  });
});
