// The tab's Teams single sign-on token: an Entra ID access token for our own
// Entra app, which the tab gets from teams-js (authentication.getAuthToken)
// and sends as `Authorization: Bearer`. Checked with jose against the keys the
// tenant's OpenID metadata names (a cached remote key set), for the tenant's
// v1 or v2 issuer, our client id or application id URI as audience, its
// lifetime, and the `oid`/`tid` claims that say who it is. Every outcome,
// an unreachable key server included, comes within the deadline.
import { createRemoteJWKSet, decodeJwt, decodeProtectedHeader, errors, jwtVerify, type JWTPayload } from 'jose';
import type { SsoConfig } from '../config';
import type { TokenReason } from './bearer-token';

export type SsoReason = TokenReason | 'rejected_claims' | 'auth_timeout';
export type SsoCheck = { ok: true; oid: string; tid: string } | { ok: false; status: 401 | 503; reason: SsoReason };

/** Entra access tokens are 1–3 KB; anything far larger is not one, and is not parsed. */
export const MAX_SSO_TOKEN = 8192;
/** A token check, key fetches included, answers within this. */
export const SSO_DEADLINE_MS = 2000;
const CLOCK_SKEW_S = 300;
const METADATA_MAX_AGE_MS = 24 * 3600_000;
const FAILURE_MEMORY_MS = 5000;
const MAX_METADATA_BYTES = 256 * 1024;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

const fail = (reason: SsoReason): SsoCheck => ({
  ok: false,
  status: reason.startsWith('keys_') || reason === 'auth_timeout' ? 503 : 401,
  reason,
});

class KeysDown extends Error {
  constructor(readonly reason: 'keys_unavailable' | 'keys_timeout') {
    super(reason);
  }
}

type KeySet = ReturnType<typeof createRemoteJWKSet>;

export interface SsoTokenOptions {
  deadlineMs?: number;
  now?: () => number;
}

export class SsoTokens {
  private keySet: { keys: KeySet; at: number } | undefined;
  private failedAt = -Infinity;
  private lastFailure: KeysDown | undefined;
  private loading: Promise<KeySet> | undefined;
  private readonly issuers: string[];
  private readonly audiences: string[];
  private readonly deadlineMs: number;
  private readonly now: () => number;

  constructor(
    private readonly sso: SsoConfig,
    o: SsoTokenOptions = {},
  ) {
    // Teams hands out v1 or v2 tokens depending on the app's accessTokenAcceptedVersion: both, for our tenant only.
    this.issuers = [`https://login.microsoftonline.com/${sso.tenantId}/v2.0`, `https://sts.windows.net/${sso.tenantId}/`];
    this.audiences = [sso.clientId, sso.applicationIdUri];
    this.deadlineMs = o.deadlineMs ?? SSO_DEADLINE_MS;
    this.now = o.now ?? Date.now;
  }

  /** Checks `Authorization: Bearer <token>`; throws nothing. */
  async check(header: string | undefined): Promise<SsoCheck> {
    if (!header) return fail('missing_token');
    const token = /^Bearer ([^\s]+)$/.exec(header)?.[1];
    if (!token || token.length > MAX_SSO_TOKEN || !JWT.test(token)) return fail('malformed_token');
    // The cheap checks first, on the unverified token: a foreign or stale token costs no key fetch.
    let claims: JWTPayload;
    try {
      if (decodeProtectedHeader(token).alg !== 'RS256') return fail('malformed_token');
      claims = decodeJwt(token);
    } catch {
      return fail('malformed_token');
    }
    if (typeof claims.iss !== 'string' || !this.issuers.includes(claims.iss)) return fail('wrong_issuer');
    const aud = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
    if (!aud.some((a) => typeof a === 'string' && this.audiences.includes(a.toLowerCase()))) return fail('wrong_audience');
    if (typeof claims.exp !== 'number' || claims.exp + CLOCK_SKEW_S < this.now() / 1000) return fail('expired');

    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<SsoCheck>((resolve) => {
      timer = setTimeout(() => resolve(fail('auth_timeout')), this.deadlineMs);
    });
    try {
      return await Promise.race([this.verify(token), deadline]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async verify(token: string): Promise<SsoCheck> {
    let payload: JWTPayload;
    try {
      const keys = await this.keys();
      ({ payload } = await jwtVerify(token, keys, {
        algorithms: ['RS256'],
        issuer: this.issuers,
        audience: this.audiences,
        clockTolerance: CLOCK_SKEW_S,
        currentDate: new Date(this.now()),
        requiredClaims: ['exp', 'oid', 'tid'],
      }));
    } catch (err) {
      return fail(reasonOf(err));
    }
    const { oid, tid, scp } = payload as { oid?: unknown; tid?: unknown; scp?: unknown };
    // The tenant is ours, the person is an Entra object, and the token was issued to the tab for this app.
    if (typeof tid !== 'string' || tid.toLowerCase() !== this.sso.tenantId) return fail('rejected_claims');
    if (typeof oid !== 'string' || !GUID.test(oid.toLowerCase())) return fail('rejected_claims');
    if (typeof scp !== 'string' || !scp.split(' ').includes('access_as_user')) return fail('rejected_claims');
    return { ok: true, oid: oid.toLowerCase(), tid: tid.toLowerCase() };
  }

  /** The remote key set the metadata names, kept a day; a failed fetch is remembered briefly. */
  private keys(): Promise<KeySet> {
    const now = this.now();
    if (this.keySet && now - this.keySet.at < METADATA_MAX_AGE_MS) return Promise.resolve(this.keySet.keys);
    if (this.lastFailure && now - this.failedAt < FAILURE_MEMORY_MS) return Promise.reject(this.lastFailure);
    this.loading ??= this.loadMetadata().finally(() => (this.loading = undefined));
    return this.loading;
  }

  private async loadMetadata(): Promise<KeySet> {
    const signal = AbortSignal.timeout(this.deadlineMs);
    try {
      const res = await fetch(this.sso.metadataUrl, { signal, redirect: 'error', headers: { accept: 'application/json' } });
      const text = res.ok ? await res.text() : '';
      if (!text || text.length > MAX_METADATA_BYTES) throw new KeysDown('keys_unavailable');
      const jwksUri = (JSON.parse(text) as { jwks_uri?: unknown }).jwks_uri;
      if (typeof jwksUri !== 'string' || !/^https?:\/\//.test(jwksUri)) throw new KeysDown('keys_unavailable');
      const keys = createRemoteJWKSet(new URL(jwksUri), { timeoutDuration: this.deadlineMs, cacheMaxAge: METADATA_MAX_AGE_MS });
      this.keySet = { keys, at: this.now() };
      this.lastFailure = undefined;
      return keys;
    } catch (err) {
      this.failedAt = this.now();
      this.lastFailure = err instanceof KeysDown ? err : new KeysDown(signal.aborted ? 'keys_timeout' : 'keys_unavailable');
      throw this.lastFailure;
    }
  }
}

function reasonOf(err: unknown): SsoReason {
  if (err instanceof KeysDown) return err.reason;
  if (err instanceof errors.JWTExpired) return 'expired';
  if (err instanceof errors.JWTClaimValidationFailed) {
    if (err.claim === 'iss') return 'wrong_issuer';
    if (err.claim === 'aud') return 'wrong_audience';
    if (err.claim === 'nbf') return 'not_yet_valid';
    return 'rejected_claims';
  }
  if (err instanceof errors.JWSSignatureVerificationFailed) return 'bad_signature';
  if (err instanceof errors.JWKSNoMatchingKey) return 'unknown_key';
  if (err instanceof errors.JWKSTimeout) return 'keys_timeout';
  if (err instanceof errors.JWSInvalid || err instanceof errors.JWTInvalid || err instanceof errors.JOSEAlgNotAllowed)
    return 'malformed_token';
  // The key set could not be fetched or read (refused, bad JSON).
  return 'keys_unavailable';
}
