// Two server instances on one Azure Blob container (Azurite), both waking at
// the scheduled minute: the eTag-conditional claim lets exactly one post.
import { createBlobStorage } from '../../bot/storage/blob-storage';
import { startAzurite, type Azurite } from '../helpers/azurite';
import { startMockConnector, type MockConnector } from '../helpers/mock-connector';
import { messageActivity, post, startServer, type RunningServer } from '../helpers/server';

const CHANNEL = '19:delt@thread.tacv2';
let azurite: Azurite;
let connector: MockConnector;
beforeAll(async () => {
  azurite = await startAzurite();
  connector = await startMockConnector();
}, 30000);
afterAll(async () => {
  await connector?.close();
  await azurite?.stop();
});

it('posts exactly once per week when two instances share the storage', async () => {
  let now = new Date('2026-11-30T07:00:00Z');
  const clock = () => now;
  const container = `shared-${Date.now()}`;
  const instances: RunningServer[] = [];
  for (let i = 0; i < 2; i++) {
    instances.push(await startServer({ app: { now: clock, storage: createBlobStorage(azurite.connectionString, container), send: { baseDelayMs: 5 } } }));
  }
  try {
    const [a, b] = instances;
    const leader = { id: '29:leder-b', name: 'Leder B', aadObjectId: '00000000-0000-0000-0000-0000000000bb' };
    await post(a.url, messageActivity('', { serviceUrl: connector.url, type: 'installationUpdate', action: 'add', text: undefined, conversation: { id: CHANNEL, conversationType: 'channel' }, channelData: { team: { id: '19:team-b' } } }));
    await post(a.url, messageActivity('jeg er centerchef', { serviceUrl: connector.url, from: leader, conversation: { id: 'a:b-personlig', conversationType: 'personal' }, deliveryMode: 'expectReplies' }));
    await post(b.url, messageActivity('', { serviceUrl: connector.url, from: leader, conversation: { id: 'a:b-personlig', conversationType: 'personal' }, deliveryMode: 'expectReplies', value: { action: 'weeklySubscribe', channel: CHANNEL, perspective: 'velfaerd', weekday: '1', time: '09:00' } }));
    const delivered = () => connector.calls.filter((c) => c.method === 'POST' && c.status === 200 && c.path.includes(encodeURIComponent(CHANNEL)) && c.body?.attachments).length;
    for (let week = 0; week < 3; week++) {
      now = new Date(Date.parse('2026-11-30T08:00:20Z') + week * 7 * 86_400_000);
      const [ra, rb] = await Promise.all([a.scheduler.tick(), b.scheduler.tick()]);
      expect(ra.posted.length + rb.posted.length).toBe(1);
      await Promise.all([a.scheduler.tick(), b.scheduler.tick()]);
      expect(delivered()).toBe(week + 1);
    }
  } finally {
    for (const s of instances) await s.close();
  }
}, 60000);
