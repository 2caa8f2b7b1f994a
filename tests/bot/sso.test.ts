// Teams single sign-on for the tab's own API, through the real server with a
// local Entra stand-in (tests/helpers/entra.ts): GET /api/me gives the role
// the bot stored for that person, PUT /api/me changes it and the bot's next
// "min rolle" shows it; every kind of bad token is 401 within a second with
// nothing but our own words; keys that never come are 503 within ~2 s; bad
// input is a clear 4xx that loses nothing.
import { CLIENT_ID, startEntra, ssoEnv, TAB_HOST, TENANT, V1_ISSUER, type EntraStub } from '../helpers/entra';
import { startSilentServer } from '../helpers/openid';
import { messageActivity, post, startServer, type RunningServer } from '../helpers/server';

const OID = 'a1b2c3d4-0000-4000-8000-000000000001';
let entra: EntraStub;
let server: RunningServer;

beforeAll(async () => {
  entra = await startEntra();
  server = await startServer({ env: { LOG_LEVEL: 'warn', ...ssoEnv(entra) } });
});
afterAll(async () => {
  await server?.close();
  await entra?.close();
});

/** A message from this person in their Teams chat with the bot, answered in the body. */
const say = (text: string, oid = OID) =>
  post(
    server.url,
    messageActivity(text, {
      from: { id: `29:${oid}`, name: 'Test Leder', aadObjectId: oid },
      conversation: { id: `a:${oid}`, conversationType: 'personal', tenantId: TENANT },
      deliveryMode: 'expectReplies',
    }),
  );
const replyText = (r: { json: any }) => JSON.stringify(r.json.activities);

async function me(method: 'GET' | 'PUT', token?: string, body?: string, headers: Record<string, string> = {}) {
  const started = Date.now();
  const res = await fetch(`${server.url}/api/me`, {
    method,
    headers: {
      ...(token && { authorization: `Bearer ${token}` }),
      ...(body !== undefined && { 'content-type': 'application/json' }),
      ...headers,
    },
    body,
  });
  const text = await res.text();
  return { status: res.status, text, json: text ? JSON.parse(text) : undefined, ms: Date.now() - started, headers: res.headers };
}

describe('one role for the bot and the tab', () => {
  it('GET /api/me gives the role the bot stored; PUT changes it, and the bot says the new one', async () => {
    expect(replyText(await say('jeg er centerchef'))).toContain('Centerchef');
    const token = await entra.token(OID);
    const got = await me('GET', token);
    expect(got.status).toBe(200);
    expect(got.json).toEqual({ role: 'centerchef', admin: false });

    const put = await me('PUT', token, JSON.stringify({ role: 'leder-af-medarbejdere' }));
    expect(put.status).toBe(200);
    expect(put.json).toEqual({ role: 'leder-af-medarbejdere', admin: false });
    expect((await me('GET', token)).json.role).toBe('leder-af-medarbejdere');
    const answer = replyText(await say('min rolle'));
    expect(answer).toContain('Leder af medarbejdere');
    expect(answer).not.toContain('Centerchef');
  });

  it('a person the bot has never met has no role until the tab sets one, and the bot then knows it', async () => {
    const oid = 'a1b2c3d4-0000-4000-8000-000000000002';
    const token = await entra.token(oid);
    expect((await me('GET', token)).json).toEqual({ role: null, admin: false });
    expect((await me('PUT', token, '{"role":"medarbejder"}')).status).toBe(200);
    expect(replyText(await say('min rolle', oid))).toContain('Medarbejder');
  });

  it('accepts a v1 token (sts.windows.net issuer) and the api://<domain>/<client id> audience', async () => {
    const token = await entra.token(OID, { iss: V1_ISSUER, aud: `api://${TAB_HOST}/${CLIENT_ID}`, ver: '1.0' });
    expect((await me('GET', token)).status).toBe(200);
  });

  it('keeps the role when the tab and the bot change it at the same time (conditional writes)', async () => {
    const oid = 'a1b2c3d4-0000-4000-8000-000000000003';
    const token = await entra.token(oid);
    const roles = ['direktion', 'medarbejder'] as const;
    const writes = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        i % 2
          ? me('PUT', token, JSON.stringify({ role: roles[i % 4 === 1 ? 0 : 1] }))
          : say(i % 4 ? 'jeg er centerchef' : 'jeg er direktør', oid),
      ),
    );
    expect(writes.map((w) => w.status)).toEqual(Array(20).fill(200));
    const final = (await me('GET', token)).json.role;
    expect(['direktion', 'medarbejder', 'centerchef']).toContain(final);
    expect(replyText(await say('min rolle', oid))).toContain(
      { direktion: 'Direktion', medarbejder: 'Medarbejder', centerchef: 'Centerchef' }[final as string],
    );
  });
});

describe('refused tokens', () => {
  const now = () => Math.floor(Date.now() / 1000);
  const cases: [string, () => Promise<string | undefined>][] = [
    ['missing', async () => undefined],
    ['expired', () => entra.token(OID, { exp: now() - 3600, nbf: now() - 7200, iat: now() - 7200 })],
    ['for another audience', () => entra.token(OID, { aud: '99999999-8888-7777-6666-555555555555' })],
    ['for another app on our domain', () => entra.token(OID, { aud: `api://${TAB_HOST}/99999999-8888-7777-6666-555555555555` })],
    ['from another issuer', () => entra.token(OID, { iss: 'https://login.microsoftonline.com/11111111-2222-3333-4444-555555555555/v2.0' })],
    ['from another tenant (tid)', () => entra.token(OID, { tid: '11111111-2222-3333-4444-555555555555' })],
    ['badly signed', () => entra.forged(OID)],
    ['with its signature cut', async () => (await entra.token(OID)).replace(/\.[^.]+$/, '.AAAA')],
    ['without an object id', () => entra.token(OID, { oid: undefined })],
    ['not for access_as_user', () => entra.token(OID, { scp: 'User.Read' })],
    ['not a JWT', async () => 'not-a-token'],
    ['far too long', async () => `${'a'.repeat(9000)}.b.c`],
  ];
  it.each(cases)('%s → 401 within a second, our own words only', async (_name, make) => {
    const token = await make();
    for (const method of ['GET', 'PUT'] as const) {
      const r = await me(method, token, method === 'PUT' ? '{"role":"direktion"}' : undefined);
      expect(r.status).toBe(401);
      expect(r.ms).toBeLessThan(1000);
      expect(Object.keys(r.json).sort()).toEqual(['code', 'message']);
      expect(r.json).toEqual({ code: 'Unauthorized', message: 'A valid Teams sign-on token is required.' });
      expect(r.headers.get('www-authenticate')).toBe('Bearer');
    }
    expect((await me('GET', await entra.token(OID))).json.role).toBe('leder-af-medarbejdere');
  });
});

describe('bad input to PUT /api/me', () => {
  const cases: [string, number, string, Record<string, string>][] = [
    ['an unknown role', 400, '{"role":"chef"}', {}],
    ['no role field', 400, '{}', {}],
    ['not JSON', 400, '{role:', {}],
    ['an empty body', 400, '', {}],
    ['a form body', 415, 'role=direktion', { 'content-type': 'application/x-www-form-urlencoded' }],
    ['a body over 1 KB', 413, JSON.stringify({ role: 'direktion', pad: 'x'.repeat(2000) }), {}],
    ['a __proto__ key', 400, '{"__proto__":{"role":"direktion"},"role":"x"}', {}],
  ];
  it.each(cases)('%s → %i, and the stored role is kept', async (_name, status, body, headers) => {
    const token = await entra.token(OID);
    const before = (await me('GET', token)).json.role;
    const r = await me('PUT', token, body, headers);
    expect(r.status).toBe(status);
    expect(Object.keys(r.json).sort()).toEqual(['code', 'message']);
    expect(r.text).not.toMatch(/at |Error|jose|stack/);
    expect((await me('GET', token)).json.role).toBe(before);
  });

  it('a null role forgets it (the tab\'s "choose your role")', async () => {
    const oid = 'a1b2c3d4-0000-4000-8000-000000000004';
    const token = await entra.token(oid);
    await me('PUT', token, '{"role":"direktion"}');
    expect((await me('PUT', token, '{"role":null}')).json).toEqual({ role: null, admin: false });
    expect((await me('GET', token)).json.role).toBeNull();
  });
});

describe('keys that cannot be had', () => {
  it('a metadata server that never answers → 503 within about 2 s, never a hang; later requests fail fast', async () => {
    const silent = await startSilentServer();
    const stub = await startEntra();
    const s = await startServer({ env: { LOG_LEVEL: 'warn', ...ssoEnv(stub), AAD_OPENID_METADATA_URL: silent.url } });
    try {
      const started = Date.now();
      const res = await fetch(`${s.url}/api/me`, { headers: { authorization: `Bearer ${await stub.token(OID)}` } });
      const took = Date.now() - started;
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('5');
      expect(await res.json()).toEqual({
        code: 'ServiceUnavailable',
        message: 'The sign-on could not be checked right now; try again shortly.',
      });
      expect(took).toBeGreaterThanOrEqual(1900);
      expect(took).toBeLessThan(2600);
      const again = Date.now();
      expect((await fetch(`${s.url}/api/me`, { headers: { authorization: `Bearer ${await stub.token(OID)}` } })).status).toBe(503);
      expect(Date.now() - again).toBeLessThan(500);
      // A forged or foreign token is refused without waiting for keys at all.
      const foreign = await stub.token(OID, { aud: 'someone-else' });
      expect((await fetch(`${s.url}/api/me`, { headers: { authorization: `Bearer ${foreign}` } })).status).toBe(401);
    } finally {
      await s.close();
      await stub.close();
      await silent.close();
    }
  });

  it('fetches the metadata and keys once for many requests', async () => {
    const stub = await startEntra();
    const s = await startServer({ env: { LOG_LEVEL: 'warn', ...ssoEnv(stub) } });
    try {
      const token = await stub.token(OID);
      const answers = await Promise.all(
        Array.from({ length: 20 }, () => fetch(`${s.url}/api/me`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.status)),
      );
      expect(answers).toEqual(Array(20).fill(200));
      expect(stub.requests).toBe(2);
    } finally {
      await s.close();
      await stub.close();
    }
  });

  it('without AAD_APP_CLIENT_ID the routes say SSO is not set up (404), and app-config.json says so', async () => {
    const s = await startServer({ env: { LOG_LEVEL: 'warn' } });
    try {
      const r = await fetch(`${s.url}/api/me`, { headers: { authorization: `Bearer ${await entra.token(OID)}` } });
      expect(r.status).toBe(404);
      expect(await r.json()).toEqual({ code: 'NotFound', message: 'Single sign-on is not set up on this server.' });
      expect(await (await fetch(`${s.url}/tab/app-config.json`)).json()).toEqual({ teamsAppId: null, sso: false });
      expect(await (await fetch(`${server.url}/tab/app-config.json`)).json()).toEqual({ teamsAppId: null, sso: true });
    } finally {
      await s.close();
    }
  });
});
