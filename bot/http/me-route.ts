// GET and PUT /api/me: the signed-in person's role, the very record the bot
// reads and writes (users/msteams/<tenant>/<object id>), so a role chosen in
// the tab is the bot's and the other way round. The write is conditional
// (UserProfiles → updateRecord, ifMatch), so a tab and a bot changing the
// same person at once do not lose each other's change.
import type { Request, Response } from 'restify';
import { isRoleId } from '../../data/charter';
import type { Logger } from '../log';
import type { UserProfiles } from '../state/user-profiles';
import { checkHeaders, parseJson, readBody } from './body';
import { drainOrCut } from './messages-route';
import { refusal, sendJson, sendRefusal, type Refusal } from './reply';
import { signedIn } from './sso-guard';
import type { SsoTokens } from './sso-token';

/** `{"role":"leder-af-ledere"}` is 28 bytes; a kilobyte is plenty. */
export const MAX_ME_BODY = 1024;

export interface MeDeps {
  tokens?: SsoTokens;
  profiles: UserProfiles;
  /** Entra object ids of the charter's owners (ADMIN_IDS), lower-case. */
  adminIds: Set<string>;
  log: Logger;
}

const unavailable = () => refusal(503, 'Your role cannot be reached right now; try again shortly.', { headers: { 'Retry-After': '5' } });

export function meRoutes(d: MeDeps) {
  const refuse = (req: Request, res: Response, r: Refusal, unread: boolean) => {
    d.log.warn('http_rejected', { path: '/api/me', status: r.status, reason: r.message.slice(0, 200) });
    sendRefusal(res, r);
    if (unread) drainOrCut(req);
  };
  const describe = (role: string | undefined, oid: string) => ({ role: role ?? null, admin: d.adminIds.has(oid) });

  const get = async (req: Request, res: Response): Promise<void> => {
    const person = await signedIn(d.tokens, req, res, d.log);
    if (!person) return;
    try {
      const profile = await d.profiles.get(person);
      sendJson(res, 200, describe(profile.role, person.id));
    } catch (err) {
      d.log.warn('profile_unavailable', { error: (err as Error)?.name });
      sendRefusal(res, unavailable());
    }
  };

  const put = async (req: Request, res: Response): Promise<void> => {
    const early = checkHeaders(req);
    if (early) return refuse(req, res, early, true);
    if (Number(req.headers['content-length'] ?? 0) > MAX_ME_BODY)
      return refuse(req, res, refusal(413, `The body exceeds ${MAX_ME_BODY} bytes.`), true);
    const person = await signedIn(d.tokens, req, res, d.log);
    if (!person) return drainOrCut(req);
    const body = await readBody(req, MAX_ME_BODY);
    if (!body.ok) return refuse(req, res, body.refusal, true);
    const parsed = parseJson(body.value);
    if (!parsed.ok) return refuse(req, res, refusal(400, parsed.refusal.message.replace(/ \(a Bot Framework activity\)/, '')), false);
    const role = (parsed.value as { role?: unknown } | null)?.role;
    if (role !== null && !isRoleId(role))
      return refuse(req, res, refusal(400, 'The field "role" must be a role id (direktion, centerchef, …) or null.'), false);
    try {
      await d.profiles.setRole(person, role ?? undefined);
      d.log.info('role_set', { via: 'tab' });
      sendJson(res, 200, describe(role ?? undefined, person.id));
    } catch (err) {
      d.log.warn('role_not_saved', { error: (err as Error)?.name });
      sendRefusal(res, unavailable());
    }
  };
  return { get, put };
}
