// Builds the app from its parts: storage, adapter, bot, weekly scheduler,
// HTTP server. index.ts runs it; the tests build it with their own clock.
import { randomUUID } from 'node:crypto';
import type { Config } from './config';
import type { Logger } from './log';
import { createAdapter } from './adapter';
import { checkCharter } from './charter-check';
import { HvidovreBot } from './bot';
import { createServer } from './server';
import { createStore } from './storage';
import { withDeadline } from './storage/deadline';
import type { KeyValueStore } from './storage/store';
import { Bookkeeping, DEFAULT_BOOKKEEPING, type BookkeepingOptions } from './state/bookkeeping';
import { ConversationContexts } from './state/conversation-context';
import { QuestionLog } from './state/question-log';
import { UserProfiles } from './state/user-profiles';
import { Votes } from './state/votes';
import { WeeklyFeature } from './weekly/feature';
import { createPersonalSender, createPublisher } from './weekly/publisher';
import { WeeklyScheduler } from './weekly/scheduler';
import { DEFAULT_SEND, PacedSender, type SendOptions } from './weekly/sender';
import { WeeklyStore } from './weekly/store';

export interface AppOptions {
  now?: () => Date;
  send?: Partial<SendOptions>;
  /** A store the caller opened (and closes); by default the configured one. */
  store?: KeyValueStore;
  bookkeeping?: Partial<BookkeepingOptions>;
}

/** How long one storage call may take before a turn goes on without it: answers stay within 3 s. */
export const STORAGE_DEADLINE_MS = 2000;

export async function createApp(config: Config, log: Logger, options: AppOptions = {}) {
  checkCharter();
  const now = options.now ?? (() => new Date());
  const backend = options.store ?? (await createStore(config.storage, log));
  const storage = withDeadline(backend, STORAGE_DEADLINE_MS);
  const adapter = createAdapter(config, log);
  const links = { teamsAppId: config.teamsAppId, tabUrl: config.tabUrl };
  const profiles = new UserProfiles(storage, now);
  const store = new WeeklyStore(storage, now);
  const bookkeeping = new Bookkeeping(log, { ...DEFAULT_BOOKKEEPING, ...options.bookkeeping });
  const sender = new PacedSender({ ...DEFAULT_SEND, ...options.send }, () => now().getTime());
  const edge = { adapter, botAppId: config.bot?.appId ?? '', store, sender, links };
  const publish = createPublisher(edge);
  const sendPersonal = createPersonalSender(edge);
  const weekly = new WeeklyFeature({ store, profiles, publish, sendPersonal, adminIds: config.adminIds, now, links });
  const scheduler = new WeeklyScheduler({
    store,
    publish,
    report: async (owner, message) => {
      if (!(await sendPersonal(owner, { text: message })))
        log.warn('weekly_report_undelivered', { reason: 'the owner has no personal chat with the bot' });
    },
    now,
    instance: randomUUID(),
    log,
  });
  const questions = new QuestionLog(storage, now);
  const contexts = new ConversationContexts(storage, bookkeeping, now);
  const votes = new Votes(storage, now);
  const bot = new HvidovreBot({ profiles, questions, bookkeeping, log, links, weekly, contexts, votes });
  const server = createServer({ config, adapter, bot, log, ready: () => backend.check() });
  /** Stops background work and releases the store (the data folder's lock); the server is closed by its owner. */
  const close = async () => {
    await scheduler.stop();
    await bookkeeping.drain();
    if (!options.store) await backend.close();
  };
  return { server, scheduler, storage, store, bookkeeping, questions, close };
}
