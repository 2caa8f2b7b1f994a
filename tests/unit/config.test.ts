import { ConfigError, loadConfig } from '../../bot/config';

const GUID = '11111111-2222-3333-4444-555555555555';
const TENANT = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';

describe('loadConfig', () => {
  it('defaults to local mode on port 3978, on loopback only', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3978);
    expect(c.host).toBe('127.0.0.1');
    expect(c.production).toBe(false);
    expect(c.bot).toBeUndefined();
    expect(c.logLevel).toBe('info');
    expect(c.tabDir).toMatch(/tab[/\\]dist$/);
  });

  it('reads the Teams Toolkit bot variables', () => {
    expect(loadConfig({ BOT_ID: GUID, BOT_PASSWORD: 's' }).bot).toEqual({
      appId: GUID,
      appPassword: 's',
      appType: 'MultiTenant',
      tenantId: '',
    });
    expect(loadConfig({ BOT_ID: GUID, BOT_PASSWORD: 's', BOT_TYPE: 'SingleTenant', BOT_TENANT_ID: TENANT }).bot?.appType).toBe(
      'SingleTenant',
    );
    expect(loadConfig({ BOT_ID: GUID, BOT_TYPE: 'UserAssignedMSI', BOT_TENANT_ID: TENANT }).bot).toMatchObject({
      appType: 'UserAssignedMSI',
      appPassword: '',
    });
  });

  it('listens on every interface when authenticated, and HOST overrides either way', () => {
    expect(loadConfig({ BOT_ID: GUID, BOT_PASSWORD: 's' }).host).toBe('0.0.0.0');
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(loadConfig({ BOT_ID: GUID, BOT_PASSWORD: 's', HOST: '10.0.0.4' }).host).toBe('10.0.0.4');
  });

  it.each([
    ['NODE_ENV=production', { NODE_ENV: 'production' }],
    ['WEBSITE_SITE_NAME (App Service)', { WEBSITE_SITE_NAME: 'hv-dev' }],
  ])('fails closed in production without BOT_ID: %s', (_name, env) => {
    expect(() => loadConfig(env)).toThrow(/BOT_ID is required in production/);
    expect(() => loadConfig({ ...env, ALLOW_UNAUTHENTICATED: 'false' })).toThrow(/BOT_ID is required in production/);
    expect(loadConfig({ ...env, ALLOW_UNAUTHENTICATED: 'true' })).toMatchObject({ production: true, bot: undefined, host: '127.0.0.1' });
    expect(loadConfig({ ...env, BOT_ID: GUID, BOT_PASSWORD: 's' })).toMatchObject({ production: true, bot: { appId: GUID } });
  });

  it.each([
    ['https://login.botframework.com/v1/.well-known/openidconfiguration', true],
    ['http://127.0.0.1:4000/v1/.well-known/openidconfiguration', true],
    ['http://localhost:4000/keys', true],
    ['http://keys.example.com/keys', false],
    ['ftp://127.0.0.1/keys', false],
    ['not a url', false],
  ])('BOT_OPENID_METADATA_URL %s is accepted: %s', (url, ok) => {
    const load = () => loadConfig({ BOT_ID: GUID, BOT_PASSWORD: 's', BOT_OPENID_METADATA_URL: url });
    if (ok) expect(load().openIdMetadataUrl).toBe(url);
    else expect(load).toThrow(/BOT_OPENID_METADATA_URL must be an https URL/);
  });

  it('treats blank values as unset', () => {
    expect(loadConfig({ BOT_ID: '  ', PORT: '' }).bot).toBeUndefined();
  });

  it('lists every problem at once', () => {
    try {
      loadConfig({ PORT: '70000', BOT_TYPE: 'SingleTenant', BOT_ID: 'not-a-guid', LOG_LEVEL: 'loud' });
      throw new Error('expected ConfigError');
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const problems = (err as ConfigError).problems.join('\n');
      expect(problems).toMatch(/PORT/);
      expect(problems).toMatch(/BOT_ID must be/);
      expect(problems).toMatch(/BOT_PASSWORD is required/);
      expect(problems).toMatch(/BOT_TENANT_ID/);
      expect(problems).toMatch(/LOG_LEVEL/);
    }
  });

  it('rejects a password without an app id', () => {
    expect(() => loadConfig({ BOT_PASSWORD: 'x' })).toThrow(/BOT_PASSWORD is set but BOT_ID is not/);
  });

  it('uses the local data folder by default and Azure Blob when both settings are given', () => {
    expect(loadConfig({}).storage).toEqual({ kind: 'file', dataDir: expect.stringMatching(/[/\\]\.data$/) });
    expect(loadConfig({ DATA_DIR: '/var/lib/hv' }).storage).toEqual({ kind: 'file', dataDir: '/var/lib/hv' });
    const cs = 'DefaultEndpointsProtocol=https;AccountName=hv;AccountKey=abc;EndpointSuffix=core.windows.net';
    expect(loadConfig({ STORAGE_CONNECTION_STRING: cs, STORAGE_CONTAINER: 'bot-state' }).storage).toEqual({
      kind: 'blob',
      connectionString: cs,
      container: 'bot-state',
    });
    expect(() => loadConfig({ STORAGE_CONNECTION_STRING: cs })).toThrow(/go together/);
    expect(() => loadConfig({ STORAGE_CONNECTION_STRING: cs, STORAGE_CONTAINER: 'Bot_State' })).toThrow(/STORAGE_CONTAINER must be/);
    expect(() => loadConfig({ STORAGE_CONNECTION_STRING: 'hello', STORAGE_CONTAINER: 'bot-state' })).toThrow(/does not look like/);
  });

  it('uses a managed identity for Azure Blob when given the account URL instead of a connection string', () => {
    expect(
      loadConfig({
        STORAGE_ACCOUNT_URL: 'https://hvstate.blob.core.windows.net/',
        STORAGE_CONTAINER: 'hvidovrevejen',
        AZURE_CLIENT_ID: GUID,
      }).storage,
    ).toEqual({
      kind: 'blob-identity',
      accountUrl: 'https://hvstate.blob.core.windows.net/',
      container: 'hvidovrevejen',
      clientId: GUID,
    });
    expect(() => loadConfig({ STORAGE_ACCOUNT_URL: 'https://hvstate.blob.core.windows.net/' })).toThrow(/needs STORAGE_CONTAINER/);
    expect(() => loadConfig({ STORAGE_ACCOUNT_URL: 'http://insecure', STORAGE_CONTAINER: 'x1y' })).toThrow(/https blob endpoint/);
  });

  it("reads Teams Toolkit's SSO variables, with the tenant's metadata by default and the tab's domain in the audience", () => {
    expect(loadConfig({}).sso).toBeUndefined();
    expect(loadConfig({ AAD_APP_CLIENT_ID: GUID, AAD_APP_TENANT_ID: TENANT, TAB_ENDPOINT: 'https://hv.azurewebsites.net' }).sso).toEqual({
      clientId: GUID,
      tenantId: TENANT,
      metadataUrl: `https://login.microsoftonline.com/${TENANT}/v2.0/.well-known/openid-configuration`,
      applicationIdUri: `api://hv.azurewebsites.net/${GUID}`,
    });
    const local = 'http://127.0.0.1:5555/t/v2.0/.well-known/openid-configuration';
    expect(loadConfig({ AAD_APP_CLIENT_ID: GUID, AAD_APP_TENANT_ID: TENANT, AAD_OPENID_METADATA_URL: local }).sso?.metadataUrl).toBe(local);
  });

  it.each([
    [{ AAD_APP_CLIENT_ID: GUID }, /AAD_APP_TENANT_ID must be/],
    [{ AAD_APP_TENANT_ID: TENANT }, /AAD_APP_CLIENT_ID must be/],
    [{ AAD_APP_CLIENT_ID: 'tab-app', AAD_APP_TENANT_ID: TENANT }, /AAD_APP_CLIENT_ID must be/],
    [
      { AAD_APP_CLIENT_ID: GUID, AAD_APP_TENANT_ID: TENANT, AAD_OPENID_METADATA_URL: 'http://login.example/x' },
      /AAD_OPENID_METADATA_URL must be an https URL/,
    ],
    [{ AAD_OPENID_METADATA_URL: 'https://login.microsoftonline.com/x' }, /AAD_OPENID_METADATA_URL is set but/],
  ])('refuses SSO settings %j', (env, problem) => {
    expect(() => loadConfig(env)).toThrow(problem);
  });
});
