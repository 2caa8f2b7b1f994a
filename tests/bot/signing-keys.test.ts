// The signing-key cache against a loopback key server: one fetch for many
// callers, an unknown key id cannot force a fetch per request, and an outage
// is remembered briefly instead of retried by every request.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { KeysUnavailable, SigningKeys } from '../../bot/http/signing-keys';
import { newKey } from '../helpers/openid';

const key = newKey();
const jwk = key.publicKey.export({ format: 'jwk' });

async function keyServer() {
  const state = { requests: 0, failing: false };
  const server = http.createServer((req, res) => {
    state.requests += 1;
    setTimeout(() => {
      if (state.failing) {
        res.statusCode = 500;
        res.end('{}');
        return;
      }
      res.setHeader('content-type', 'application/json');
      if (req.url === '/meta') res.end(JSON.stringify({ jwks_uri: `http://127.0.0.1:${(server.address() as AddressInfo).port}/keys` }));
      else
        res.end(
          JSON.stringify({
            keys: [
              { kty: 'RSA', kid: 'k1', n: jwk.n, e: jwk.e, endorsements: ['msteams'] },
              { kty: 'RSA', kid: 'broken', e: 'AQAB' },
              { kty: 'EC', kid: 'ec', crv: 'P-256', x: 'x', y: 'y' },
            ],
          }),
        );
    }, 20);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    state,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/meta`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

describe('SigningKeys', () => {
  let clock = 1_000_000;
  const now = () => clock;

  it('fetches once for many callers at once, and keeps the keys', async () => {
    const srv = await keyServer();
    try {
      const keys = new SigningKeys({ metadataUrl: srv.url, now });
      const found = await Promise.all(Array.from({ length: 20 }, () => keys.get('k1')));
      expect(found.every((k) => k?.endorsements?.includes('msteams'))).toBe(true);
      expect(srv.state.requests).toBe(2); // metadata, then the key set
      await keys.get('k1');
      expect(srv.state.requests).toBe(2);
    } finally {
      await srv.close();
    }
  });

  it('answers an unknown key id from the cache until five minutes have passed', async () => {
    const srv = await keyServer();
    try {
      const keys = new SigningKeys({ metadataUrl: srv.url, now });
      expect(await keys.get('nope')).toBeUndefined();
      expect(await keys.get('broken')).toBeUndefined();
      expect(await keys.get('ec')).toBeUndefined();
      for (let i = 0; i < 10; i++) expect(await keys.get(`forged-${i}`)).toBeUndefined();
      expect(srv.state.requests).toBe(2);
      clock += 5 * 60_000 + 1;
      expect(await keys.get('still-nope')).toBeUndefined();
      expect(srv.state.requests).toBe(4);
    } finally {
      await srv.close();
    }
  });

  it('remembers a failure for a few seconds, then tries again', async () => {
    const srv = await keyServer();
    try {
      srv.state.failing = true;
      const keys = new SigningKeys({ metadataUrl: srv.url, now });
      await expect(keys.get('k1')).rejects.toEqual(new KeysUnavailable('bad_response'));
      await expect(keys.get('k1')).rejects.toBeInstanceOf(KeysUnavailable);
      expect(srv.state.requests).toBe(1);
      srv.state.failing = false;
      clock += 5001;
      expect(await keys.get('k1')).toBeDefined();
      expect(srv.state.requests).toBe(3);
    } finally {
      await srv.close();
    }
  });

  it('gives up on keys that do not come within the deadline', async () => {
    const silent = http.createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const keys = new SigningKeys({ metadataUrl: `http://127.0.0.1:${(silent.address() as AddressInfo).port}/meta`, timeoutMs: 300, now });
      const started = Date.now();
      await expect(keys.get('k1')).rejects.toEqual(new KeysUnavailable('timeout'));
      expect(Date.now() - started).toBeLessThan(1000);
    } finally {
      silent.closeAllConnections();
      await new Promise<void>((r) => silent.close(() => r()));
    }
  });
});
