// Builds the app from its parts: storage, adapter, bot, weekly scheduler,
// HTTP server. index.ts runs it; the tests build it with their own clock.
import { randomUUID } from 'node:crypto';
import type { Storage } from 'botbuilder';
import type { Config } from './config';
import type { Logger } from './log';
import { createAdapter } from './adapter';
import { HvidovreBot } from './bot';
import { createServer } from './server';
import { createStorage } from './storage';
import { QuestionLog } from './state/question-log';
import { UserProfiles } from './state/user-profiles';
import { WeeklyFeature } from './weekly/feature';
import { createPersonalSender, createPublisher } from './weekly/publisher';
import { WeeklyScheduler } from './weekly/scheduler';
import { DEFAULT_SEND, PacedSender, type SendOptions } from './weekly/sender';
import { WeeklyStore } from './weekly/store';

export interface AppOptions {
  now?: () => Date;
  send?: Partial<SendOptions>;
  storage?: Storage;
}

export async function createApp(config: Config, log: Logger, options: AppOptions = {}) {
  const now = options.now ?? (() => new Date());
  const storage = options.storage ?? (await createStorage(config, log));
  const adapter = createAdapter(config, log);
  const links = { teamsAppId: config.teamsAppId, tabUrl: config.tabUrl };
  const profiles = new UserProfiles(storage, now);
  const store = new WeeklyStore(storage, now);
  const sender = new PacedSender({ ...DEFAULT_SEND, ...options.send }, () => now().getTime());
  const edge = { adapter, botAppId: config.bot?.appId ?? '', store, sender, links };
  const publish = createPublisher(edge);
  const sendPersonal = createPersonalSender(edge);
  const weekly = new WeeklyFeature({ store, profiles, publish, sendPersonal, adminIds: config.adminIds, now, links });
  const scheduler = new WeeklyScheduler({
    store,
    publish,
    report: async (owner, message) => {
      if (!(await sendPersonal(owner, { text: message }))) log.warn('weekly_report_undelivered', { reason: 'the owner has no personal chat with the bot' });
    },
    now,
    instance: randomUUID(),
    log,
  });
  const bot = new HvidovreBot({ profiles, questions: new QuestionLog(storage, now), links, weekly });
  const server = createServer({ config, adapter, bot, log, ready: async () => undefined });
  return { server, scheduler, storage, store };
}
