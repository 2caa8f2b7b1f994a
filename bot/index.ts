// Wiring only: configuration, logger, adapter, bot, server, shutdown.
import { loadConfig, ConfigError } from './config';
import { createLogger } from './log';
import { createAdapter } from './adapter';
import { HvidovreBot } from './bot';
import { createServer } from './server';

function main(): void {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    process.stderr.write(`${err instanceof ConfigError ? err.message : String(err)}\n`);
    process.exit(1);
  }
  const log = createLogger(config.logLevel);
  const bot = new HvidovreBot();
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

main();
