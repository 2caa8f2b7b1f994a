// A stand-in for the Bot Connector's OpenID metadata and signing keys, on
// loopback, with a key of our own: tokens signed by it are genuine to the
// server under test, tokens signed by any other key are forgeries.
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface OpenIdStub {
  /** BOT_OPENID_METADATA_URL for the server under test. */
  metadataUrl: string;
  kid: string;
  requests: number;
  close(): Promise<void>;
}

export interface SigningKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
}

export const newKey = (): SigningKey => generateKeyPairSync('rsa', { modulusLength: 2048 });

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

/** A JWT signed by hand: RS256 over header.payload. */
export function signToken(claims: Record<string, unknown>, key: SigningKey, kid: string, alg = 'RS256'): string {
  const head = `${b64({ alg, typ: 'JWT', kid })}.${b64(claims)}`;
  return `${head}.${sign('RSA-SHA256', Buffer.from(head), key.privateKey).toString('base64url')}`;
}

/** Claims the Bot Connector would put in a token for this bot and serviceUrl. */
export function connectorClaims(appId: string, serviceUrl: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  return { iss: 'https://api.botframework.com', aud: appId, serviceurl: serviceUrl, nbf: now - 60, exp: now + 3600, ...overrides };
}

export async function startOpenId(key: SigningKey, kid = 'test-key-1'): Promise<OpenIdStub> {
  const jwk = key.publicKey.export({ format: 'jwk' });
  let base = '';
  const stub: OpenIdStub = { metadataUrl: '', kid, requests: 0, close: async () => undefined };
  const server = http.createServer((req, res) => {
    stub.requests += 1;
    res.setHeader('content-type', 'application/json');
    if (req.url === '/v1/.well-known/openidconfiguration')
      res.end(JSON.stringify({ issuer: 'https://api.botframework.com', jwks_uri: `${base}/v1/keys` }));
    else if (req.url === '/v1/keys')
      res.end(JSON.stringify({ keys: [{ kty: 'RSA', use: 'sig', kid, n: jwk.n, e: jwk.e, endorsements: ['msteams', 'emulator'] }] }));
    else {
      res.statusCode = 404;
      res.end('{}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  stub.metadataUrl = `${base}/v1/.well-known/openidconfiguration`;
  stub.close = () => new Promise((resolve) => server.close(() => resolve()));
  return stub;
}

/** A server that accepts connections and never answers: keys that hang. */
export async function startSilentServer(): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server = http.createServer(() => undefined);
  server.on('connection', (s) => sockets.add(s));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/.well-known/openidconfiguration`,
    close: () =>
      new Promise((resolve) => {
        sockets.forEach((s) => s.destroy());
        server.close(() => resolve());
      }),
  };
}
