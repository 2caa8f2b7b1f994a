// A user's role, stored through the real server, survives kill -9.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../helpers/azurite';
import { runServer, waitForHealth } from '../helpers/process';
import { messageActivity, post } from '../helpers/server';

describe('stored role across a kill -9 of the server', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hv-persist-'));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('is still known after the restart', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const env = { PORT: String(port), DATA_DIR: dataDir };
    const from = { id: 'teams-user-9', name: 'Kirsten', aadObjectId: '00000000-0000-0000-0000-00000000abcd' };

    const first = runServer(env);
    await waitForHealth(url);
    const picked = await post(
      url,
      messageActivity('', { from, value: { action: 'setRole', role: 'leder-af-medarbejdere' }, deliveryMode: 'expectReplies' }),
    );
    expect(picked.status).toBe(200);
    expect(picked.json.activities[0].text).toContain('Leder af medarbejdere');
    first.child.kill('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');

    const second = runServer(env);
    try {
      await waitForHealth(url);
      // A different Teams user id, same AAD object id: the role follows the person.
      const res = await post(
        url,
        messageActivity('min rolle', { from: { ...from, id: 'other-client-id' }, deliveryMode: 'expectReplies' }),
      );
      expect(JSON.stringify(res.json.activities[0].attachments[0].content)).toContain('Din rolle er Leder af medarbejdere');
      const stranger = await post(url, messageActivity('min rolle', { from: { id: 'someone-else' }, deliveryMode: 'expectReplies' }));
      expect(JSON.stringify(stranger.json.activities[0].attachments[0].content)).toContain('Hvad er din rolle?');
    } finally {
      second.child.kill('SIGTERM');
      await second.exited;
    }
  });
});
