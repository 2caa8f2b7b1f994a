// Who is asking, for the tab's own API (/api/me, /api/insights): the Teams
// SSO token names a person by tenant and Entra object id, the same person
// the bot knows from its activities. Refusals are our own JSON, never a
// dependency's text; each is one log line with a reason class.
import type { Request, Response } from 'restify';
import type { Logger } from '../log';
import type { Person } from '../state/person';
import { refusal, sendRefusal } from './reply';
import type { SsoTokens } from './sso-token';

/** The bot keys a person by channel, tenant and object id; the tab's person is the Teams one. */
export const personOf = (oid: string, tid: string): Person => ({ id: oid, aadObjectId: oid, channelId: 'msteams', tenantId: tid });

/** The signed-in person, or undefined once the refusal has been sent. */
export async function signedIn(tokens: SsoTokens | undefined, req: Request, res: Response, log: Logger): Promise<Person | undefined> {
  const path = req.path().slice(0, 40);
  if (!tokens) {
    log.warn('http_rejected', { path, status: 404, reason: 'sso_not_configured' });
    sendRefusal(res, refusal(404, 'Single sign-on is not set up on this server.'));
    return undefined;
  }
  const check = await tokens.check(req.headers.authorization);
  if (check.ok) return personOf(check.oid, check.tid);
  log.warn('auth_rejected', { path, status: check.status, reason: check.reason });
  sendRefusal(
    res,
    check.status === 401
      ? refusal(401, 'A valid Teams sign-on token is required.', { headers: { 'WWW-Authenticate': 'Bearer' } })
      : refusal(503, 'The sign-on could not be checked right now; try again shortly.', { headers: { 'Retry-After': '5' } }),
  );
  return undefined;
}
