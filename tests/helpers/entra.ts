// A stand-in for an Entra ID tenant's OpenID metadata and signing keys, on
// loopback, with a key pair made in the test: tokens it signs are genuine to
// the server under test; tokens signed by any other key are forgeries. Also
// signs the access tokens Teams' getAuthToken hands the tab.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type KeyLike } from 'jose';

export const TENANT = '7d5c6a1e-0f2b-4c3d-9e8f-a1b2c3d4e5f6';
export const CLIENT_ID = '3c2b1a09-8f7e-4d6c-b5a4-938271605f4e';
export const TAB_HOST = 'hvidovrevejen.example.dk';
export const V2_ISSUER = `https://login.microsoftonline.com/${TENANT}/v2.0`;
export const V1_ISSUER = `https://sts.windows.net/${TENANT}/`;

export interface EntraStub {
  metadataUrl: string;
  kid: string;
  /** Requests for the metadata and the keys, to see caching at work. */
  requests: number;
  /** An SSO access token for this person, signed by the tenant's key; override any claim. */
  token(oid: string, claims?: Record<string, unknown>): Promise<string>;
  /** The same, signed by a key the tenant never published (under the tenant's key id). */
  forged(oid: string, claims?: Record<string, unknown>): Promise<string>;
  close(): Promise<void>;
}

/** The server's environment for single sign-on against this stub. */
export const ssoEnv = (stub: EntraStub): Record<string, string> => ({
  AAD_APP_CLIENT_ID: CLIENT_ID,
  AAD_APP_TENANT_ID: TENANT,
  AAD_OPENID_METADATA_URL: stub.metadataUrl,
  TAB_ENDPOINT: `https://${TAB_HOST}`,
});

async function sign(key: KeyLike, kid: string, oid: string, claims: Record<string, unknown>): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({
    aud: CLIENT_ID,
    iss: V2_ISSUER,
    tid: TENANT,
    oid,
    scp: 'access_as_user',
    ver: '2.0',
    nbf: now - 60,
    iat: now - 60,
    exp: now + 3600,
    ...claims,
  })
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid })
    .sign(key);
}

export async function startEntra(kid = 'entra-test-key'): Promise<EntraStub> {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const other = await generateKeyPair('RS256');
  const jwk = await exportJWK(publicKey);
  let base = '';
  const stub: EntraStub = {
    metadataUrl: '',
    kid,
    requests: 0,
    token: (oid, claims = {}) => sign(privateKey, kid, oid, claims),
    forged: (oid, claims = {}) => sign(other.privateKey, kid, oid, claims),
    close: async () => undefined,
  };
  const server = http.createServer((req, res) => {
    stub.requests += 1;
    res.setHeader('content-type', 'application/json');
    if (req.url === `/${TENANT}/v2.0/.well-known/openid-configuration`)
      res.end(JSON.stringify({ issuer: V2_ISSUER, jwks_uri: `${base}/${TENANT}/discovery/v2.0/keys` }));
    else if (req.url === `/${TENANT}/discovery/v2.0/keys`) res.end(JSON.stringify({ keys: [{ ...jwk, kid, use: 'sig', alg: 'RS256' }] }));
    else {
      res.statusCode = 404;
      res.end('{}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  stub.metadataUrl = `${base}/${TENANT}/v2.0/.well-known/openid-configuration`;
  stub.close = () =>
    new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return stub;
}
