// Wiring only: configuration, logger, storage, adapter, bot, server, shutdown.
import { loadConfig, ConfigError, type Config } from './config';
import { createLogger, errorFields } from './log';
import { createAdapter } from './adapter';
import { HvidovreBot } from './bot';
import { createServer } from './server';
import { createStorage } from './storage';
import { UserProfiles } from './state/user-profiles';
import { QuestionLog } from './state/question-log';

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    process.stderr.write(`${err instanceof ConfigError ? err.message : String(err)}\n`);
    process.exit(1);
  }
  const log = createLogger(config.logLevel);
  const storage = await createStorage(config, log).catch((err) => {
    log.error('storage_unavailable', errorFields(err));
    process.exit(1);
  });
  const links = { teamsAppId: config.teamsAppId, tabUrl: config.tabUrl };
  const bot = new HvidovreBot({ profiles: new UserProfiles(storage), questions: new QuestionLog(storage), links });
  const server = createServer({ config, adapter: createAdapter(config, log), bot, log });

  server.listen(config.port, config.host, () => {
    log.info('listening', { url: server.url, mode: config.bot ? 'authenticated' : 'local (no auth)' });
  });

  const shutdown = (signal: string) => {
    log.info('shutting_down', { signal });
    server.close(() => {
      log.info('stopped');
      process.exit(0);
    });
    server.server.closeIdleConnections();
    setTimeout(() => process.exit(1), 10_000).unref();
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

void main();
