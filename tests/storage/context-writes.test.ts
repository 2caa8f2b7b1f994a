// A conversation's last answer is written at most once per WRITE_EVERY_MS:
// the first at once, later ones gathered, the newest written; every read in
// between sees the newest answer.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLogger } from '../../bot/log';
import { Bookkeeping } from '../../bot/state/bookkeeping';
import { ConversationContexts, contextKey, WRITE_EVERY_MS } from '../../bot/state/conversation-context';
import { FileStore } from '../../bot/storage/file-store';
import type { KeyValueStore } from '../../bot/storage/store';
import type { Interpretation } from '../../data/language/recognizer';

const me = { id: 'u1', channelId: 'msteams', tenantId: 't1', aadObjectId: 'aad-1' };
const cell = (perspective: string): Interpretation => ({
  intent: 'cell',
  slots: { role: 'centerchef', perspective } as Interpretation['slots'],
});

describe('conversation context writes', () => {
  let dir: string;
  let store: FileStore;
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hv-ctx-'));
    store = await FileStore.open(
      dir,
      createLogger('error', () => undefined),
    );
  });
  afterEach(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('writes the first answer at once and the newest of a burst once, after the interval', async () => {
    const puts: string[] = [];
    const counting: KeyValueStore = {
      ...store,
      get: (k) => store.get(k),
      list: (p, o) => store.list(p, o),
      check: () => store.check(),
      delete: (k) => store.delete(k),
      close: () => store.close(),
      put: (k, v, c) => {
        puts.push((v as { slots: { perspective: string } }).slots.perspective);
        return store.put(k, v, c);
      },
    };
    const bookkeeping = new Bookkeeping(createLogger('error', () => undefined));
    const contexts = new ConversationContexts(counting, bookkeeping);
    const started = performance.now();
    contexts.remember(me, 'conv', cell('driften'), 'da');
    await new Promise((r) => setTimeout(r, 50));
    expect(puts).toEqual(['driften']);
    for (const p of ['resultaterne', 'velfaerd', 'robust']) contexts.remember(me, 'conv', cell(p), 'da');
    // Not yet on disk, but what this process answers from is the newest.
    expect(puts).toEqual(['driften']);
    expect((await contexts.get(me, 'conv'))?.slots).toEqual(cell('robust').slots);
    await bookkeeping.drain();
    expect(puts).toEqual(['driften', 'robust']);
    expect(performance.now() - started).toBeGreaterThanOrEqual(WRITE_EVERY_MS - 5);
    const stored = await store.get<{ slots: object }>(contextKey(me, 'conv'));
    expect(stored?.value.slots).toEqual(cell('robust').slots);
  });

  it('writes different conversations independently', async () => {
    const bookkeeping = new Bookkeeping(createLogger('error', () => undefined));
    const contexts = new ConversationContexts(store, bookkeeping);
    contexts.remember(me, 'a', cell('driften'), 'da');
    contexts.remember(me, 'b', cell('robust'), 'da');
    await new Promise((r) => setTimeout(r, 100));
    expect((await store.get<{ slots: object }>(contextKey(me, 'a')))?.value.slots).toEqual(cell('driften').slots);
    expect((await store.get<{ slots: object }>(contextKey(me, 'b')))?.value.slots).toEqual(cell('robust').slots);
  });
});
