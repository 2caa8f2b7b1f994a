// kill -9 at random moments while a child writes: every acknowledged write
// must be readable afterwards, and no record may be corrupt.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FileStore } from '../../bot/storage/file-store';
import { createLogger } from '../../bot/log';

const ROUNDS = 25;
const writer = path.join(__dirname, '../helpers/crash-writer.js');

function runAndKill(
  dir: string,
  start: number,
  killAfterMs: number,
): Promise<{ acks: string[]; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [writer, dir, String(start)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (d) => {
      out += d;
      // Start the clock at the first acknowledged write, so every kill lands mid-stream.
      timer ??= setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    });
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      resolve({ acks: out.split('\n').filter((l) => /^(ack|count) \S+ \d+$/.test(l)), signal, stderr });
    });
  });
}

describe('FileStore under kill -9', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hv-crash-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it(`keeps every acknowledged write through ${ROUNDS} kills at random points`, async () => {
    const lastAcked = new Map<string, number>();
    let counter = 0;
    let totalAcks = 0;
    let seq = 0;
    let tempFilesCleared = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const { acks, signal, stderr } = await runAndKill(dir, seq, 20 + Math.floor(Math.random() * 300));
      expect({ round, signal, stderr }).toEqual({ round, signal: 'SIGKILL', stderr: '' });
      expect(acks.length).toBeGreaterThan(0);
      totalAcks += acks.length;
      for (const line of acks) {
        const [kind, key, n] = line.split(' ');
        if (kind === 'count') counter = Math.max(counter, Number(n));
        else lastAcked.set(key, Math.max(lastAcked.get(key) ?? -1, Number(n)));
        seq = Math.max(seq, Number(n) + 1);
      }
      seq += 1000; // the next child's sequence numbers never repeat an unacknowledged one

      // Each reopen also takes over the lock the killed child left behind.
      const logs: string[] = [];
      const store = await FileStore.open(
        dir,
        createLogger('debug', (l) => logs.push(l)),
      );
      for (const [key, acked] of lastAcked) {
        const item = (await store.get<{ key: string; seq: number; body: string; len: number }>(key))?.value;
        expect({ key, found: Boolean(item) }).toEqual({ key, found: true });
        expect(item!.key).toBe(key);
        expect(item!.seq).toBeGreaterThanOrEqual(acked);
        expect(item!.body.length).toBe(item!.len);
      }
      expect((await store.get<{ n: number }>('counter'))?.value.n).toBeGreaterThanOrEqual(counter);
      const logged = new Set(await store.list('log/'));
      expect([...lastAcked.keys()].filter((k) => k.startsWith('log/') && !logged.has(k))).toEqual([]);
      expect(logs.filter((l) => /quarantined|unusable/.test(l))).toEqual([]);
      expect(logs.filter((l) => /storage_lock_taken_over/.test(l))).toHaveLength(1);
      expect(fs.readdirSync(dir)).not.toContain('quarantine');
      expect(
        fs
          .readdirSync(path.join(dir, 'records'), { recursive: true })
          .map(String)
          .filter((f) => f.endsWith('.tmp')),
      ).toEqual([]);
      tempFilesCleared += Number(JSON.parse(logs.find((l) => l.includes('storage_opened'))!).unfinishedWritesCleared);
      await store.close();
    }
    process.stdout.write(
      `crash test: ${ROUNDS} kills, ${totalAcks} acknowledged writes, ${lastAcked.size} keys, counter ${counter}, ${tempFilesCleared} unfinished temp files cleared: none lost, none corrupt\n`,
    );
  }, 120000);
});
