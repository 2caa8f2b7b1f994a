// Issue 12, items 3 (by hand), 4 and 6: the leader's words are kept, the
// preview is what is sent, one post a week also with "Send nu", and the
// bot's words in the reader's language with the charter verbatim.
import { cell } from '../../data/charter';
import { strings } from '../../bot/i18n';
import { startMockConnector, type MockConnector } from '../helpers/mock-connector';
import { startServer, type RunningServer } from '../helpers/server';
import { cardProblems } from '../helpers/adaptive-card';
import { CHANNEL_A, CHAT, Clock, TEAM_A, actionsOf, buildWorld, from, inputsOf, kirsten } from '../helpers/weekly';

let connector: MockConnector;
let server: RunningServer;
const clock = new Clock();
beforeAll(async () => {
  connector = await startMockConnector();
  server = await startServer({ app: { now: clock.now } });
  await buildWorld(server, connector);
}, 60000);
afterAll(async () => {
  await server?.close();
  await connector?.close();
});

const k = () => from(server, connector, kirsten);
/** The week a posted card is for, as its refresh data carries it. */
const weekOf = (call: { body: any }) => call.body.attachments[0].content.actions[0].data.week as string;
const postsIn = (channel: string, week: string) => connector.posted(channel).filter((c) => weekOf(c) === week);

describe('the leader’s words', () => {
  it('prefills the compose card from the stored schedule, and a new time keeps the note', async () => {
    clock.set('2026-11-30T07:30:00Z');
    const words = { question: 'Hvor hjalp vi hinanden?', note: 'Tak for i dag – vi ses mandag.' };
    await k().execute('weeklySubscribe', {
      action: 'weeklySubscribe',
      channel: CHANNEL_A,
      perspective: 'velfaerd',
      weekday: '3',
      time: '10:15',
      rotation: 'velfærd, driften',
      skipWeeks: '29, 30',
      ...words,
    });
    const card = (await k().say('ugens perspektiv')).cards[0];
    expect(cardProblems(card)).toEqual([]);
    expect(inputsOf(card)).toMatchObject({
      channel: CHANNEL_A,
      perspective: 'velfaerd',
      weekday: '3',
      time: '10:15',
      rotation: 'velfærd, driften',
      skipWeeks: '29, 30',
      ...words,
    });
    // The client sends back every input as shown, with the new time.
    await k().execute('weeklySubscribe', { action: 'weeklySubscribe', ...inputsOf(card, { time: '11:00' }) });
    expect(await server.store.subscription(CHANNEL_A)).toMatchObject({
      time: '11:00',
      weekday: 3,
      skipWeeks: [29, 30],
      rotation: ['velfaerd', 'driften'],
      ...words,
    });
    await k().execute('weeklyStop', { action: 'weeklyStop', sub: CHANNEL_A });
  });

  it('previews exactly what will be sent; Send sends exactly that, once, and says what and where', async () => {
    clock.set('2026-12-08T09:00:00Z');
    const compose = (await k().say('ugens perspektiv')).cards[0];
    const words = { perspective: 'robust', question: 'Hvad gav os arbejdsglæde?', note: 'Husk fredagskaffen.' };
    const preview = await k().execute('weeklyPreview', { action: 'weeklyPreview', ...inputsOf(compose, { channel: CHANNEL_A, ...words }) });
    expect(cardProblems(preview.card)).toEqual([]);
    expect(preview.text).toContain('Forhåndsvisning til Center for Skole › Ledelse');
    const buttons = actionsOf(preview.card);
    expect(buttons.map((b) => [b.title, b.verb])).toEqual([
      ['Send', 'weeklySend'],
      ['Ret', 'weeklyEdit'],
    ]);
    const before = connector.posted(CHANNEL_A).length;
    const sent = await k().execute('weeklySend', buttons[0].data);
    expect(cardProblems(sent.card)).toEqual([]);
    expect(sent.text).toContain(
      'Ugens perspektiv er sendt til Center for Skole › Ledelse (2026-W50): Sammen udvikler vi en robust organisation.',
    );
    expect(sent.text).toContain(`Spørgsmål: ${words.question}`);
    expect(sent.text).toContain(`Note: ${words.note}`);
    const posted = connector.posted(CHANNEL_A).slice(before);
    expect(posted).toHaveLength(1);
    // The channel's card is the previewed one, body for body (the preview adds only its banner).
    expect(posted[0].body.attachments[0].content.body).toEqual(preview.card.body.slice(1));
    // A second click on the same Send posts nothing and answers the same.
    const again = await k().execute('weeklySend', buttons[0].data);
    expect(again.text).toContain('Ugens perspektiv er sendt til Center for Skole › Ledelse');
    expect(connector.posted(CHANNEL_A).length).toBe(before + 1);
    // "Ret" goes back to the compose card with the previewed words.
    const edit = await k().execute('weeklyEdit', buttons[1].data);
    expect(inputsOf(edit.card)).toMatchObject({ channel: CHANNEL_A, ...words });
  });

  it.each([
    ['without “send også i denne uge”', 'false', '2026-12-11T18:00:00Z', '2026-W50', CHANNEL_A],
    ['with “send også i denne uge”', 'true', '2026-12-18T18:00:00Z', '2026-W51', CHAT],
  ])('"Send nu" on a Friday evening, then "Send hver uge" %s: one post that week', async (_name, alsoThisWeek, friday, week, channel) => {
    clock.set(friday);
    await k().submit({ action: 'weeklyPost', channel, perspective: 'driften', question: 'Hvad lærte vi?' });
    await k().execute('weeklySubscribe', {
      action: 'weeklySubscribe',
      channel,
      perspective: 'driften',
      weekday: '1',
      time: '09:00',
      alsoThisWeek,
    });
    for (const hours of [0.05, 1, 24, 48]) {
      clock.set(new Date(Date.parse(friday) + hours * 3_600_000).toISOString());
      await server.scheduler.tick();
    }
    expect(postsIn(channel, week)).toHaveLength(1);
    // The schedule itself goes on: Monday 09:00 posts next week's.
    clock.set(new Date(Date.parse(friday) + 3 * 86_400_000 + 14.1 * 3_600_000).toISOString());
    await server.scheduler.tick();
    expect(connector.posted(channel).filter((c) => weekOf(c) > week)).toHaveLength(1);
    await k().execute('weeklyStop', { action: 'weeklyStop', sub: channel });
  });

  it.each([
    ['starts at the next slot', 'false', 0],
    ['posts this week too when asked', 'true', 1],
  ])('"Send hver uge" on a Wednesday for Mondays %s', async (_name, alsoThisWeek, thisWeek) => {
    clock.set('2027-01-06T12:00:00Z');
    await k().execute('weeklySubscribe', {
      action: 'weeklySubscribe',
      channel: CHANNEL_A,
      perspective: 'driften',
      weekday: '1',
      time: '09:00',
      alsoThisWeek,
    });
    await server.scheduler.tick();
    clock.set('2027-01-08T12:00:00Z');
    await server.scheduler.tick();
    expect(postsIn(CHANNEL_A, '2027-W01')).toHaveLength(thisWeek);
    await k().execute('weeklyStop', { action: 'weeklyStop', sub: CHANNEL_A });
  });
});

describe('only the person sees it', () => {
  it('answers «ugens perspektiv» in a channel in the personal chat, with that channel chosen', async () => {
    clock.set('2027-01-20T12:00:00Z');
    const before = connector.calls.length;
    const inChannel = await k().say('<at>Hvidovrevejen</at> ugens perspektiv', {
      conversation: { id: `${CHANNEL_A};messageid=7`, conversationType: 'channel' },
      channelData: { team: { id: TEAM_A } },
      entities: [{ type: 'mention', text: '<at>Hvidovrevejen</at>', mentioned: { id: 'bot', name: 'Hvidovrevejen' } }],
    });
    expect(inChannel.texts).toEqual(['Jeg har sendt dig kladden til ugens perspektiv i vores personlige chat.']);
    expect(inChannel.cards).toEqual([]);
    const privately = connector.calls.slice(before).filter((c) => c.path.includes(encodeURIComponent(kirsten.personal)));
    expect(privately).toHaveLength(1);
    expect(inputsOf(privately[0].body.attachments[0].content)).toMatchObject({ channel: CHANNEL_A });
  });
});

describe('the reader’s language', () => {
  it('gives an English-speaking leader the compose card in English', async () => {
    clock.set('2027-01-13T12:00:00Z');
    const card = (await k().say('weekly perspective', { locale: 'en-US' })).cards[0];
    const text = JSON.stringify(card);
    for (const words of ['This week’s perspective', 'Preview', 'Send now', 'Send every week', 'Every week on', 'Time (Danish time)'])
      expect(text).toContain(words);
    for (const words of ['Forhåndsvis', 'Send nu', 'Hver uge på', 'Spørgsmål til refleksion']) expect(text).not.toContain(words);
    expect(actionsOf(card).map((a) => a.verb)).toEqual(['weeklyPreview', 'weeklyPost', 'weeklySubscribe']);
  });

  it.each([
    ['da-DK', 'Det forpligter vi os alle til', 'Spørgsmål til refleksion'],
    ['en-US', 'What we all commit to', 'Question for reflection'],
  ])('shows a reader with locale %s the weekly card in their language, the charter verbatim', async (locale, everyone, question) => {
    const res = await k().execute(
      'weeklyMine',
      { action: 'weekly', perspective: 'velfaerd', week: '2027-W02', question: 'Hvordan?', language: 'da' },
      { locale },
    );
    expect(res.text).toContain(everyone);
    expect(res.text).toContain(question);
    for (const s of [...cell('alle', 'velfaerd'), ...cell('leder-af-medarbejdere', 'velfaerd')])
      expect(res.text).toContain(JSON.stringify(s.text).slice(1, -1));
    expect(cardProblems(res.card)).toEqual([]);
  });

  it('has no bracketed translations in the weekly words', () => {
    const all = (o: unknown): string[] =>
      typeof o === 'string'
        ? [o]
        : typeof o === 'function'
          ? [String((o as (...a: string[]) => string)('X', 'Y', 'Z'))]
          : Array.isArray(o)
            ? o.flatMap(all)
            : o && typeof o === 'object'
              ? Object.values(o).flatMap(all)
              : [];
    for (const text of [...all(strings('da').weekly), strings('da').weeklyMemoryDown])
      expect(text).not.toMatch(/\((I |Only|Posted|Stopped|Choose|Open|Tell|Sorry)/);
  });
});
