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
import { AskedTally } from './state/asked-tally';
import { QuestionLog } from './state/question-log';
import { UserProfiles } from './state/user-profiles';
import { Votes } from './state/votes';
import { WeeklyFeature } from './weekly/feature';
import type { Person } from './state/person';
import { Authority } from './weekly/authority';
import { Delivery } from './weekly/delivery';
import { createChatNames, createMembershipCheck, createPersonalSender, createPublisher } from './weekly/publisher';
import { WeeklyScheduler } from './weekly/scheduler';
import { DEFAULT_SEND, PacedSender, worstCaseMs, type SendOptions } from './weekly/sender';
import { WeeklyStore } from './weekly/store';
import { WeekLog } from './weekly/week-log';

export interface AppOptions {
  now?: () => Date;
  send?: Partial<SendOptions>;
  /** A store the caller opened (and closes); by default the configured one. */
  store?: KeyValueStore;
  bookkeeping?: Partial<BookkeepingOptions>;
  /** Names this instance in week claims (default: a random id). */
  instance?: string;
}

/** How long one storage call may take before a turn goes on without it: answers stay within 3 s. */
export const STORAGE_DEADLINE_MS = 2000;
/** How long a week's claim holds before another instance may act on it. */
export const CLAIM_LEASE_MS = 5 * 60_000;

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
  const send = { ...DEFAULT_SEND, ...options.send };
  const sender = new PacedSender(send, () => now().getTime());
  const edge = { adapter, botAppId: config.bot?.appId ?? '', store, sender, links };
  const sendPersonal = createPersonalSender(edge);
  const tell = (person: Person, text: string) => sendPersonal(person, { text });
  // A week's lease outlasts the longest send (every attempt to its deadline, every wait to its cap).
  const weeks = new WeekLog(storage, now, Math.max(CLAIM_LEASE_MS, 2 * worstCaseMs(send)));
  const delivery = new Delivery({ weeks, store, publish: createPublisher(edge), tell, log });
  const authority = new Authority({ isMember: createMembershipCheck(edge), adminIds: config.adminIds, now, log });
  const weekly = new WeeklyFeature({
    store,
    delivery,
    authority,
    profiles,
    sendPersonal,
    chatNames: createChatNames(edge),
    now,
    links,
    log,
  });
  const scheduler = new WeeklyScheduler({
    store,
    weeks,
    delivery,
    authority,
    roleOf: async (person) => (await profiles.get(person)).role,
    tell,
    now,
    instance: options.instance ?? randomUUID(),
    log,
  });
  const questions = new QuestionLog(storage, now);
  const contexts = new ConversationContexts(storage, bookkeeping, now);
  const votes = new Votes(storage, now);
  const tally = new AskedTally(questions, bookkeeping, now);
  const bot = new HvidovreBot({ profiles, questions, bookkeeping, log, links, weekly, contexts, votes, tally });
  const state = { profiles, questions, votes, now };
  const server = createServer({ config, adapter, bot, log, ready: () => backend.check(), state });
  /** Stops background work (the scheduler stops claiming and finishes its sends) and releases the store; the server is closed by its owner. */
  const close = async () => {
    await scheduler.stop();
    await bookkeeping.drain();
    if (!options.store) await backend.close();
  };
  return { server, scheduler, storage, store, weeks, bookkeeping, questions, close };
}
