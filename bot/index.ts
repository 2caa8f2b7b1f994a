// Wiring only: configuration, logger, the app, its scheduler, shutdown.
import { loadConfig, ConfigError, type Config } from './config';
import { createLogger, errorFields, setIdSalt } from './log';
import { createApp } from './app';
import { CharterInvalidError } from './charter-check';
import { DataFolderInUseError } from './storage';

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    process.stderr.write(`${err instanceof ConfigError ? err.message : String(err)}\n`);
    process.exit(1);
  }
  const log = createLogger(config.logLevel);
  if (config.logIdSalt) setIdSalt(config.logIdSalt);
  if (config.production && !config.bot)
    log.warn('unauthenticated', { reason: 'ALLOW_UNAUTHENTICATED=true: anyone who can reach this server may talk to the bot' });
  const app = await createApp(config, log).catch((err) => {
    // Another server holding the data folder is an operator's matter: say so plainly.
    if (err instanceof DataFolderInUseError || err instanceof CharterInvalidError) process.stderr.write(`${err.message}\n`);
    else log.error('startup_failed', errorFields(err));
    process.exit(1);
  });
  const { server, scheduler } = app;

  server.listen(config.port, config.host, () => {
    log.info('listening', { url: server.url, mode: config.bot ? 'authenticated' : 'local (no auth)', production: config.production });
    scheduler.start();
  });

  const shutdown = (signal: string) => {
    log.info('shutting_down', { signal });
    // The scheduler stops claiming weeks at once; a send in flight ends within its deadline (10 s).
    const stopping = scheduler.stop();
    server.close(() => {
      // Sends in flight and background writes finish, and the data folder's lock is released, before exit.
      void stopping.then(app.close).then(
        () => {
          log.info('stopped');
          process.exit(0);
        },
        (err) => {
          log.error('stop_failed', errorFields(err));
          process.exit(1);
        },
      );
    });
    server.server.closeIdleConnections();
    // A process cut off here leaves a week it was sending ambiguous: reported to its owner, never sent twice.
    setTimeout(() => process.exit(1), 25_000).unref();
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

void main();
