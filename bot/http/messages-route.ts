// POST /api/messages: every check that bounds the cost of a request comes
// before the work it protects. Headers (type, encoding, length) and the
// bearer token are checked before a byte of the body is read; the body is
// read up to its cap, parsed, checked against the activity schema; only then
// does botbuilder authenticate it again and run the turn.
import type { Request, Response } from 'restify';
import type { TurnLogic, TurnOutcome } from '../adapter';
import { checkActivity } from './activity-check';
import type { IncomingActivity } from './activity-schema';
import { checkBearer } from './bearer-token';
import { checkHeaders, parseJson, readBody } from './body';
import { refusal, sendJson, sendRefusal, type Refusal } from './reply';
import type { SigningKeys } from './signing-keys';
import { errorFields, type Logger } from '../log';

/** An answer about a token, keys unreachable included, comes well within 3 s. */
export const AUTH_BUDGET_MS = 2500;

export interface TurnRunner {
  runTurn(authorization: string, activity: IncomingActivity, logic: TurnLogic, budgetMs: number): Promise<TurnOutcome>;
}

export interface MessagesDeps {
  /** The bot's app id; undefined in local mode (no authentication). */
  appId?: string;
  keys?: SigningKeys;
  adapter: TurnRunner;
  run: TurnLogic;
  log: Logger;
}

const authRefusal = (status: 401 | 503): Refusal =>
  status === 401
    ? refusal(401, 'A valid Bot Framework token is required.', { headers: { 'WWW-Authenticate': 'Bearer' } })
    : refusal(503, 'The token could not be checked right now; try again shortly.', { headers: { 'Retry-After': '5' } });

/** What is read and thrown away of a refused body, so the client reads our answer before we hang up. */
const DRAIN_BYTES = 1024 * 1024;
const DRAIN_MS = 5000;

/**
 * A lingering close: discard what the client is still sending, up to a
 * bound, then cut the connection. Closing at once would reset a socket with
 * unread data, and the client would see the reset instead of our answer.
 */
export function drainOrCut(req: Request): void {
  let drained = 0;
  const cut = () => req.socket.destroy();
  const timer = setTimeout(cut, DRAIN_MS);
  req.on('data', (chunk: Buffer) => {
    drained += chunk.length;
    if (drained > DRAIN_BYTES) cut();
  });
  req.once('end', () => clearTimeout(timer)).once('close', () => clearTimeout(timer));
  req.resume();
}

export function messagesRoute(d: MessagesDeps) {
  const refuse = (req: Request, res: Response, r: Refusal, unreadBody = false) => {
    d.log.warn('http_rejected', { path: '/api/messages', status: r.status, reason: r.message.slice(0, 200) });
    sendRefusal(res, r);
    if (unreadBody) drainOrCut(req);
  };
  const authFailed = (req: Request, res: Response, status: 401 | 503, reason: string, unreadBody: boolean) => {
    d.log.warn('auth_rejected', { status, reason });
    sendRefusal(res, authRefusal(status));
    if (unreadBody) drainOrCut(req);
  };

  return async (req: Request, res: Response): Promise<void> => {
    // Without a token there is nothing more to learn from the request.
    if (d.appId && !req.headers.authorization) return authFailed(req, res, 401, 'missing_token', true);
    const early = checkHeaders(req);
    if (early) return refuse(req, res, early, true);
    let tokenMs = 0;
    if (d.appId && d.keys) {
      const started = Date.now();
      const token = await checkBearer(req.headers.authorization, { appId: d.appId, keys: d.keys });
      if (!token.ok) return authFailed(req, res, token.status, token.reason, true);
      tokenMs = Date.now() - started;
    }
    const body = await readBody(req);
    if (!body.ok) return refuse(req, res, body.refusal, true);
    const parsed = parseJson(body.value);
    if (!parsed.ok) return refuse(req, res, parsed.refusal);
    const check = checkActivity(parsed.value, { authenticated: Boolean(d.appId) });
    if (!check.ok) return refuse(req, res, check.refusal);
    if (!check.handled) {
      // A type the bot has no use for (typing, event, messageUpdate, …): acknowledged, not run.
      d.log.debug('activity_ignored', { activityType: check.activity.type });
      return sendJson(res, 200, check.activity.deliveryMode === 'expectReplies' ? { activities: [] } : undefined);
    }
    try {
      // Both token checks together stay within the budget; reading the body is the client's time.
      const budget = Math.max(AUTH_BUDGET_MS - tokenMs, 500);
      const outcome = await d.adapter.runTurn(req.headers.authorization ?? '', check.activity, d.run, budget);
      if (!outcome.ok) return authFailed(req, res, outcome.status, outcome.reason, false);
      sendJson(res, outcome.status, outcome.body);
    } catch (err) {
      d.log.error('process_failed', errorFields(err));
      sendRefusal(res, refusal(500, 'The message could not be processed.'));
    }
  };
}
