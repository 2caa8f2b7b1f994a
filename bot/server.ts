// HTTP surface: /api/messages for the bot, /healthz, and the tab's static files.
import restify, { type Request, type Response, type Next } from 'restify';
import type { CloudAdapter, TurnContext } from 'botbuilder';
import type { Config } from './config';
import { checkActivity } from './activity-guard';
import { errorFields, type Logger } from './log';

export const MAX_BODY_BYTES = 256 * 1024;

export interface Bot {
  run(context: TurnContext): Promise<void>;
}

export interface ServerDeps {
  config: Config;
  adapter: CloudAdapter;
  bot: Bot;
  log: Logger;
}

// Teams renders the tab in an iframe; only its hosts may frame it.
export const FRAME_ANCESTORS = [
  "'self'",
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.cloud.microsoft',
  'https://*.office.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://*.microsoft365.com',
];

type HttpError = Error & { statusCode?: number; toJSON?: () => unknown };
// restify's body reader honours maxBodySize, which its typings omit.
const jsonBody = (maxBodySize: number) => restify.plugins.jsonBodyParser({ maxBodySize, mapParams: false } as restify.plugins.JsonBodyParserOptions);

const reply = (res: Response, status: number, code: string, message: string): void => {
  res.send(status, { code, message });
};

export function createServer({ config, adapter, bot, log }: ServerDeps): restify.Server {
  const server = restify.createServer({ name: 'hvidovrevejen', handleUncaughtExceptions: false });

  server.on('restifyError', (req: Request, _res: Response, err: HttpError, callback: () => void) => {
    // restify's body parsers report bad JSON and oversized bodies here.
    if ((err.statusCode ?? 500) >= 500) log.error('http_error', { path: req.path(), ...errorFields(err) });
    else log.warn('http_rejected', { path: req.path(), status: err.statusCode, reason: err.message });
    err.toJSON = () => ({ code: err.name.replace(/Error$/, ''), message: (err.statusCode ?? 500) >= 500 ? 'Internal error' : err.message });
    callback();
  });

  server.get('/healthz', (_req: Request, res: Response, next: Next) => {
    res.send(200, { status: 'ok' });
    next();
  });

  server.post(
    '/api/messages',
    (req: Request, _res: Response, next: Next) => {
      if (!req.is('json')) return next(Object.assign(new Error('Content-Type must be application/json'), { statusCode: 415, name: 'UnsupportedMediaTypeError' }));
      next();
    },
    jsonBody(MAX_BODY_BYTES),
    async (req: Request, res: Response) => {
      const check = checkActivity(req.body);
      if (!check.ok) {
        reply(res, 400, 'BadRequest', check.reason);
        return;
      }
      try {
        await adapter.process(req, res, (context) => bot.run(context));
      } catch (err) {
        log.error('process_failed', errorFields(err));
        if (!res.headersSent) reply(res, 500, 'InternalError', 'The message could not be processed.');
      }
    },
  );

  // What the tab needs to build deep links; nothing secret.
  server.get('/tab/app-config.json', (_req: Request, res: Response, next: Next) => {
    res.header('Cache-Control', 'no-cache');
    res.send(200, { teamsAppId: config.teamsAppId ?? null });
    next();
  });
  server.get('/tab', (_req: Request, res: Response, next: Next) => {
    res.redirect(301, '/tab/', next);
  });
  server.get(
    '/tab/*',
    (_req: Request, res: Response, next: Next) => {
      res.header('Content-Security-Policy', `frame-ancestors ${FRAME_ANCESTORS.join(' ')}`);
      res.header('X-Content-Type-Options', 'nosniff');
      next();
    },
    restify.plugins.serveStaticFiles(config.tabDir),
  );

  return server;
}
