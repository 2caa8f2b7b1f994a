// The weekly card as a Teams client draws it: the adaptivecards renderer in
// Chromium, with a host config close to Teams' light theme. Screenshots go
// to test-artifacts/weekly/ (the README shows copies from docs/).
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { cell } from '../../data/charter';
import { renderWeeklyCard, type WeeklyPost } from '../../bot/weekly/weekly-card';
import { renderComposeCard, renderPreviewCard, renderSentCard } from '../../bot/weekly/compose-card';
import { launchChromium } from '../helpers/browser';

const ARTIFACTS = path.join(__dirname, '../../test-artifacts/weekly');
const RENDERER = require.resolve('adaptivecards/dist/adaptivecards.min.js');
const fg = (d: string, s = '#616161') => ({ default: d, subtle: s });
const HOST_CONFIG = {
  fontFamily: "'Segoe UI', system-ui, sans-serif",
  supportsInteractivity: true,
  containerStyles: Object.fromEntries(
    [
      ['default', '#FFFFFF'],
      ['emphasis', '#F5F5F5'],
      ['accent', '#DCE9F8'],
      ['good', '#E3F2E5'],
      ['warning', '#FBEBDD'],
      ['attention', '#F9E2E0'],
    ].map(([name, bg]) => [
      name,
      {
        backgroundColor: bg,
        foregroundColors: {
          default: fg('#242424'),
          accent: fg('#0B5CAD'),
          good: fg('#2E7D32'),
          warning: fg('#A34700'),
          attention: fg('#B3261E'),
        },
      },
    ]),
  ),
  actions: { actionsOrientation: 'horizontal', buttonSpacing: 8, maxActions: 6 },
};

let browser: Browser;
beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  browser = await launchChromium();
}, 30000);
afterAll(() => browser?.close());

async function draw(card: object, file: string): Promise<string> {
  const page = await browser.newPage({ viewport: { width: 520, height: 900 }, deviceScaleFactor: 1 });
  await page.setContent(
    '<!doctype html><html><body style="margin:0;padding:16px;background:#EBEBEB;font-family:system-ui"><div id="card" style="width:480px;background:#fff;border-radius:8px;overflow:hidden"></div></body></html>',
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
    { card, hostConfig: HOST_CONFIG },
  );
  await page.locator('#card').screenshot({ path: path.join(ARTIFACTS, file) });
  const text = (await page.textContent('#card')) ?? '';
  await page.close();
  return text;
}

const post: WeeklyPost = {
  perspective: 'velfaerd',
  week: '2026-W49',
  question: 'Hvor samarbejdede vi på tværs i denne uge?',
  note: 'Tak for en god uge – lad os tage snakken på mandagsmødet.',
  leader: 'Kirsten Hansen',
};
const links = { tabUrl: 'https://hvidovrevejen.azurewebsites.net/tab/' };

describe('the weekly card in the adaptivecards renderer', () => {
  it('shows the perspective, what everyone commits to, the question and the leader’s note', async () => {
    const text = await draw(renderWeeklyCard(post, links, { userIds: ['29:a'] }), 'weekly-card.png');
    expect(text).toContain('Sammen skaber vi velfærd');
    for (const s of cell('alle', 'velfaerd')) expect(text).toContain(s.text);
    expect(text).toContain(post.question);
    expect(text).toContain(post.note);
    expect(text).toContain('Kirsten Hansen');
    expect(text).toContain('Åbn i Hvidovrevejen-fanen');
  });

  it('shows a reader their own contribution, or asks for their role', async () => {
    const mine = await draw(renderWeeklyCard(post, links, { viewer: { role: 'leder-af-medarbejdere' } }), 'weekly-card-mine.png');
    expect(mine).toContain('Mit bidrag til at skabe velfærd');
    for (const s of cell('leder-af-medarbejdere', 'velfaerd')) expect(mine).toContain(s.text);
    const pick = await draw(renderWeeklyCard(post, links, { viewer: {} }), 'weekly-card-pick-role.png');
    expect(pick).toContain('Vælg din rolle for at se dit bidrag');
    expect(pick).toContain('Leder af medarbejdere');
  });

  it('draws the leader’s compose, preview and confirmation cards', async () => {
    const compose = await draw(
      renderComposeCard({
        language: 'da',
        notice: 'Gemt: ugens perspektiv til Center for Skole › Ledelse.',
        schedules: [
          { id: '19:a', where: 'Center for Skole › Ledelse', text: 'Aktivt – hver mandag kl. 09:00 (dansk tid)', mine: true },
          { id: '19:b', where: 'Center for Skole › Generelt', text: 'sendes af Bo Centerchef hver fredag kl. 08:30', mine: false },
        ],
        channels: [
          { title: 'Center for Skole › Ledelse', value: '19:a' },
          { title: 'Gruppechat med Anna, Bo og Sofie', value: '19:c' },
        ],
        draft: {
          channel: '19:a',
          perspective: 'velfaerd',
          question: post.question,
          note: post.note,
          weekday: '1',
          time: '09:00',
          rotation: 'velfærd, en robust organisation, driften, resultaterne',
          skipWeeks: '29, 30',
        },
        opened: { id: '19:a', status: 'Aktivt – hver mandag kl. 09:00 (dansk tid), på skift fra denne uge: velfærd → …', paused: false },
      }),
      'weekly-compose.png',
    );
    expect(compose).toContain('sendes af Bo Centerchef hver fredag kl. 08:30');
    const preview = await draw(
      renderPreviewCard(
        post,
        { channel: '19:a', perspective: 'velfaerd', question: post.question, note: post.note, id: 'abcdefgh' },
        'Center for Skole › Ledelse',
        links,
        'da',
      ),
      'weekly-preview.png',
    );
    expect(preview).toContain('Forhåndsvisning til Center for Skole › Ledelse');
    expect(preview).toContain(post.note);
    const sent = await draw(renderSentCard(post, 'Center for Skole › Ledelse', 'en'), 'weekly-sent-en.png');
    expect(sent).toContain('This week’s perspective was posted to Center for Skole › Ledelse');
  });
});
