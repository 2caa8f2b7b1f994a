// Our own first check of the Bot Connector's bearer token, before the body is
// read: shape, issuer, audience, lifetime and RSA signature. botbuilder then
// checks it again with the activity (serviceUrl and channel endorsements);
// this pass makes forged, expired or foreign tokens cheap to refuse, bounds
// the wait for signing keys, and keeps botbuilder's console output (stack
// traces, PEM keys) out of our log.
import { verify } from 'node:crypto';
import { KeysUnavailable, type SigningKeys } from './signing-keys';

/** The Bot Connector protocol's constants (public Azure). */
export const BOT_CONNECTOR_ISSUER = 'https://api.botframework.com';
export const BOT_CONNECTOR_METADATA_URL = 'https://login.botframework.com/v1/.well-known/openidconfiguration';

const ALGORITHMS: Record<string, string> = { RS256: 'RSA-SHA256', RS384: 'RSA-SHA384', RS512: 'RSA-SHA512' };
const CLOCK_SKEW_S = 300;
const MAX_TOKEN = 8192;
const B64URL = /^[A-Za-z0-9_-]+$/;

export type TokenReason =
  | 'missing_token'
  | 'malformed_token'
  | 'wrong_issuer'
  | 'wrong_audience'
  | 'expired'
  | 'not_yet_valid'
  | 'unknown_key'
  | 'bad_signature'
  | 'keys_unavailable'
  | 'keys_timeout';

export type TokenCheck = { ok: true } | { ok: false; status: 401 | 503; reason: TokenReason };

const fail = (reason: TokenReason): TokenCheck => ({ ok: false, status: reason.startsWith('keys_') ? 503 : 401, reason });

function decodePart(part: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

export interface TokenCheckOptions {
  appId: string;
  keys: SigningKeys;
  issuer?: string;
  now?: () => number;
}

/** Checks `Authorization: Bearer <jwt>`; throws nothing. */
export async function checkBearer(header: string | undefined, o: TokenCheckOptions): Promise<TokenCheck> {
  if (!header) return fail('missing_token');
  const match = /^Bearer ([^\s]+)$/.exec(header);
  if (!match || match[1].length > MAX_TOKEN) return fail('malformed_token');
  const parts = match[1].split('.');
  if (parts.length !== 3 || !parts.every((p) => B64URL.test(p))) return fail('malformed_token');
  const head = decodePart(parts[0]);
  const claims = decodePart(parts[1]);
  if (!head || !claims || typeof head.kid !== 'string' || typeof head.alg !== 'string' || !ALGORITHMS[head.alg])
    return fail('malformed_token');

  if (claims.iss !== (o.issuer ?? BOT_CONNECTOR_ISSUER)) return fail('wrong_issuer');
  const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!audiences.includes(o.appId)) return fail('wrong_audience');
  const now = (o.now ?? Date.now)() / 1000;
  if (typeof claims.exp !== 'number' || claims.exp + CLOCK_SKEW_S < now) return fail('expired');
  if (claims.nbf !== undefined && (typeof claims.nbf !== 'number' || claims.nbf - CLOCK_SKEW_S > now)) return fail('not_yet_valid');

  let key;
  try {
    key = await o.keys.get(head.kid);
  } catch (err) {
    return fail(err instanceof KeysUnavailable && err.reason === 'timeout' ? 'keys_timeout' : 'keys_unavailable');
  }
  if (!key) return fail('unknown_key');
  let signed = false;
  try {
    signed = verify(ALGORITHMS[head.alg], Buffer.from(`${parts[0]}.${parts[1]}`), key.key, Buffer.from(parts[2], 'base64url'));
  } catch {
    signed = false;
  }
  return signed ? { ok: true } : fail('bad_signature');
}
