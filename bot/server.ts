// HTTP surface: /api/messages for the bot, /healthz and /readyz, and the
// tab's static files. Each route's rules live in bot/http/.
import restify, { type Request, type Response, type Next } from 'restify';
import type { EdgeAdapter, TurnLogic } from './adapter';
import type { Config } from './config';
import { BOT_CONNECTOR_METADATA_URL } from './http/bearer-token';
import { messagesRoute } from './http/messages-route';
import { insightsRoute } from './http/insights-route';
import { meRoutes } from './http/me-route';
import { readinessRoute } from './http/readiness';
import { CODES, sendJson } from './http/reply';
import { SigningKeys } from './http/signing-keys';
import { SsoTokens } from './http/sso-token';
import { loadStaticFiles } from './http/static-files';
import { TAB_HEADERS, tabRoute } from './http/tab-route';
import type { Logger } from './log';
import { readInsights } from './state/insights';
import type { QuestionLog } from './state/question-log';
import type { UserProfiles } from './state/user-profiles';
import type { Votes } from './state/votes';

export { MAX_BODY_BYTES } from './http/body';
export { FRAME_ANCESTORS } from './http/tab-route';

/** The bot as the server sees it: something that runs a turn (the SDK's context stays in adapter.ts and bot.ts). */
export interface Bot {
  run: TurnLogic;
}

export interface ServerDeps {
  config: Config;
  adapter: EdgeAdapter;
  bot: Bot;
  log: Logger;
  /** Resolves when the app can serve (storage answers); /readyz waits for it up to 1 s. */
  ready: () => Promise<void>;
  /** The state the tab's own API reads (/api/me, /api/insights); without it those routes are not served. */
  state?: { profiles: UserProfiles; questions: QuestionLog; votes: Votes; now: () => Date };
}

type HttpError = Error & { statusCode?: number; toJSON?: () => unknown };

export function createServer({ config, adapter, bot, log, ready, state }: ServerDeps): restify.Server {
  const server = restify.createServer({ name: 'hvidovrevejen', handleUncaughtExceptions: false });
  // A client that trickles its headers or body is cut off rather than held forever.
  server.server.headersTimeout = 10_000;
  server.server.requestTimeout = 30_000;

  server.on('restifyError', (req: Request, _res: Response, err: HttpError, callback: () => void) => {
    // restify's own answers: no such route, method not allowed. Never its text, which echoes the path.
    const status = err.statusCode ?? 500;
    if (status >= 500) log.error('http_error', { path: req.path().slice(0, 200), error: err.name });
    else log.warn('http_rejected', { path: req.path().slice(0, 200), status, reason: err.name });
    err.toJSON = () => ({
      code: CODES[status] ?? err.name.replace(/Error$/, ''),
      message: status >= 500 ? 'Internal error.' : status === 404 ? 'No such route.' : 'The request is not allowed here.',
    });
    callback();
  });

  // Liveness: the process answers. No I/O, so it stays fast whatever else is slow.
  server.get('/healthz', (_req: Request, res: Response, next: Next) => {
    sendJson(res, 200, { status: 'ok' });
    next();
  });
  server.get('/readyz', readinessRoute(ready, log));

  const keys = config.bot ? new SigningKeys({ metadataUrl: config.openIdMetadataUrl ?? BOT_CONNECTOR_METADATA_URL }) : undefined;
  server.post('/api/messages', messagesRoute({ appId: config.bot?.appId, keys, adapter, run: (context) => bot.run(context), log }));

  if (state) {
    // The tab's own API: who is signed in (Teams SSO), their role, and the owners' page.
    const tokens = config.sso ? new SsoTokens(config.sso) : undefined;
    const adminIds = new Set(config.adminIds.map((id) => id.toLowerCase()));
    const me = meRoutes({ tokens, profiles: state.profiles, adminIds, log });
    server.get('/api/me', me.get);
    server.put('/api/me', me.put);
    const read = (from: string, to: string) => readInsights(state.questions, state.votes, from, to);
    server.get('/api/insights', insightsRoute({ tokens, adminIds, read, now: state.now, log }));
  }

  // What the tab needs to build deep links, and whether it can sign in; nothing secret.
  server.get('/tab/app-config.json', (_req: Request, res: Response, next: Next) => {
    sendJson(
      res,
      200,
      { teamsAppId: config.teamsAppId ?? null, sso: Boolean(config.sso) },
      { 'Cache-Control': 'no-cache', ...TAB_HEADERS },
    );
    next();
  });
  const toSlash = (_req: Request, res: Response, next: Next) => res.redirect(301, '/tab/', next);
  server.get('/tab', toSlash);
  server.head('/tab', toSlash);
  const tab = tabRoute(loadStaticFiles(config.tabDir, log));
  server.get('/tab/*', tab);
  server.head('/tab/*', tab);

  return server;
}
