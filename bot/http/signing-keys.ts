// The Bot Connector's token signing keys (OpenID metadata → JWKS), fetched
// with a deadline, one fetch at a time, and cached. A failure is remembered
// briefly so that an outage answers every caller at once instead of piling
// up fetches; an unknown key id refreshes the set at most every few minutes.
import { createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto';

export class KeysUnavailable extends Error {
  constructor(readonly reason: 'unreachable' | 'timeout' | 'bad_response') {
    super(`signing keys ${reason}`);
    this.name = 'KeysUnavailable';
  }
}

export interface SigningKey {
  key: KeyObject;
  /** Channels the key may sign for (msteams, …), as the Bot Connector publishes them. */
  endorsements?: string[];
}

export interface SigningKeyOptions {
  metadataUrl: string;
  timeoutMs?: number;
  maxAgeMs?: number;
  unknownKeyRefreshMs?: number;
  failureMemoryMs?: number;
  now?: () => number;
}

const MAX_DOCUMENT_BYTES = 1024 * 1024;

async function fetchJson(url: string, signal: AbortSignal): Promise<Record<string, unknown>> {
  const res = await fetch(url, { signal, redirect: 'error', headers: { accept: 'application/json' } });
  if (!res.ok || !res.body) throw new KeysUnavailable('bad_response');
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > MAX_DOCUMENT_BYTES) {
      await reader.cancel();
      throw new KeysUnavailable('bad_response');
    }
    chunks.push(value);
  }
  const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  if (typeof parsed !== 'object' || parsed === null) throw new KeysUnavailable('bad_response');
  return parsed as Record<string, unknown>;
}

/** An RSA public key from its JWK parts; a key that does not parse is skipped. */
function publicKey(n: string, e: string): KeyObject | undefined {
  try {
    return createPublicKey({ key: { kty: 'RSA', n, e }, format: 'jwk' });
  } catch {
    return undefined;
  }
}

export class SigningKeys {
  private keys = new Map<string, SigningKey>();
  private fetchedAt = 0;
  private failedAt = -Infinity;
  private lastFailure: KeysUnavailable | undefined;
  private inflight: Promise<void> | undefined;
  private readonly o: Required<SigningKeyOptions>;

  constructor(options: SigningKeyOptions) {
    this.o = {
      timeoutMs: 2000,
      maxAgeMs: 24 * 3600_000,
      unknownKeyRefreshMs: 5 * 60_000,
      failureMemoryMs: 5000,
      now: Date.now,
      ...options,
    };
  }

  /** The key with this id, undefined if the publisher has none; throws KeysUnavailable. */
  async get(kid: string): Promise<SigningKey | undefined> {
    const age = this.o.now() - this.fetchedAt;
    if (this.fetchedAt === 0 || age > this.o.maxAgeMs || (!this.keys.has(kid) && age > this.o.unknownKeyRefreshMs)) await this.refresh();
    return this.keys.get(kid);
  }

  private refresh(): Promise<void> {
    if (this.o.now() - this.failedAt < this.o.failureMemoryMs && this.lastFailure) return Promise.reject(this.lastFailure);
    this.inflight ??= this.load().finally(() => (this.inflight = undefined));
    return this.inflight;
  }

  private async load(): Promise<void> {
    const signal = AbortSignal.timeout(this.o.timeoutMs);
    try {
      const metadata = await fetchJson(this.o.metadataUrl, signal);
      if (typeof metadata.jwks_uri !== 'string' || !/^https?:\/\//.test(metadata.jwks_uri)) throw new KeysUnavailable('bad_response');
      const jwks = await fetchJson(metadata.jwks_uri, signal);
      if (!Array.isArray(jwks.keys)) throw new KeysUnavailable('bad_response');
      const keys = new Map<string, SigningKey>();
      for (const k of jwks.keys as (JsonWebKey & { kid?: unknown; endorsements?: unknown })[]) {
        if (typeof k?.kid !== 'string' || k.kty !== 'RSA' || typeof k.n !== 'string' || typeof k.e !== 'string') continue;
        const endorsements = Array.isArray(k.endorsements) ? k.endorsements.filter((e): e is string => typeof e === 'string') : undefined;
        const key = publicKey(k.n, k.e);
        if (key) keys.set(k.kid, { key, endorsements });
      }
      this.keys = keys;
      this.fetchedAt = this.o.now();
      this.lastFailure = undefined;
    } catch (err) {
      this.failedAt = this.o.now();
      this.lastFailure =
        err instanceof KeysUnavailable
          ? err
          : new KeysUnavailable(signal.aborted ? 'timeout' : err instanceof SyntaxError ? 'bad_response' : 'unreachable');
      throw this.lastFailure;
    }
  }
}
