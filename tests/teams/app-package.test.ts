// The Teams app package and Teams Toolkit project, checked offline.
import fs from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { parse as parseYaml } from 'yaml';
import { unzipSync } from 'fflate';
import { recognize } from '../../data/language/recognizer';
import { TAB_ENTITY_ID } from '../../data/deep-links';

const ROOT = path.join(__dirname, '../..');
const read = (f: string) => fs.readFileSync(path.join(ROOT, f), 'utf8');
// eslint-disable-next-line @typescript-eslint/no-require-imports -- plain CommonJS build scripts (npm run package / icons), tested as they run
const pkg = require('../../appPackage/package.js');
// eslint-disable-next-line @typescript-eslint/no-require-imports -- as above
const icons = require('../../appPackage/icons/render.js');

const envOf = (name: string): Record<string, string> => pkg.parseEnv(read(`env/.env.${name}`));
// Values provisioning writes, shaped as Teams expects them.
function sample(name: string, value: string): string {
  if (value) return value;
  if (/_ID$/.test(name)) return '11111111-2222-3333-4444-555555555555';
  if (/DOMAIN$/.test(name)) return 'hvidovrevejen.azurewebsites.net';
  if (/ENDPOINT$|_URL$/.test(name)) return 'https://hvidovrevejen.azurewebsites.net';
  return 'x';
}
const filled = (envName: string) => Object.fromEntries(Object.entries(envOf(envName)).map(([k, v]) => [k, sample(k, v)]));

/** Names an action in a Teams Toolkit yml writes (writeToEnvironmentFile, file/createOrUpdateEnvironmentFile). */
function written(yml: string): Set<string> {
  const doc = parseYaml(read(yml));
  const names = new Set<string>();
  for (const stage of ['provision', 'deploy', 'publish']) {
    for (const step of doc[stage] ?? []) {
      Object.values(step.writeToEnvironmentFile ?? {}).forEach((n) => names.add(String(n)));
      if (step.uses === 'file/createOrUpdateEnvironmentFile' && String(step.with.target).startsWith('./env/'))
        Object.keys(step.with.envs).forEach((n) => names.add(n));
    }
  }
  return names;
}
const bicepOutputs = new Set([...read('infra/azure.bicep').matchAll(/^output (\w+) /gm)].map((m) => m[1]));

describe('placeholders', () => {
  it.each([
    ['appPackage/manifest.json', ['dev', 'local']],
    ['appPackage/en-us.json', ['dev', 'local']],
    ['aad.manifest.json', ['dev', 'local']],
    ['teamsapp.yml', ['dev']],
    ['infra/azure.parameters.json', ['dev']],
    ['teamsapp.local.yml', ['local']],
  ])('every ${{VAR}} in %s is defined for its environments', (file, envs) => {
    const used = pkg.placeholders(read(file));
    if (file !== 'appPackage/en-us.json') expect(used.length).toBeGreaterThan(0);
    for (const env of envs) {
      const yml = env === 'local' ? 'teamsapp.local.yml' : 'teamsapp.yml';
      const defined = new Set([...Object.keys(envOf(env)), ...written(yml), ...(env === 'dev' ? bicepOutputs : [])]);
      expect({ file, env, undefined: used.filter((v: string) => !defined.has(v)) }).toEqual({ file, env, undefined: [] });
    }
  });

  it('every output of infra/azure.bicep has its line in env/.env.dev', () => {
    const keys = Object.keys(envOf('dev'));
    expect([...bicepOutputs].filter((o) => !keys.includes(o))).toEqual([]);
  });

  it('keeps secrets out of the committed env files', () => {
    for (const env of ['dev', 'local']) expect(Object.keys(envOf(env)).filter((k) => /SECRET|PASSWORD/.test(k))).toEqual([]);
    expect(read('.gitignore')).toMatch(/^env\/\.env\.\*\.user$/m);
    expect(read('teamsapp.local.yml')).toContain('clientSecret: SECRET_BOT_PASSWORD');
  });
});

describe('the manifest', () => {
  it.each(['dev', 'local'])('passes the official schema once filled from env/.env.%s', (env) => {
    const values = filled(env);
    const manifest = JSON.parse(pkg.fill(read('appPackage/manifest.json'), values).text);
    const translation = JSON.parse(pkg.fill(read('appPackage/en-us.json'), values).text);
    expect(pkg.validate(manifest, translation)).toEqual([]);
    expect(manifest.manifestVersion).toBe('1.24');
  });

  it('is rejected by the schema when broken', () => {
    const manifest = JSON.parse(pkg.fill(read('appPackage/manifest.json'), filled('dev')).text);
    delete manifest.bots[0].botId;
    manifest.staticTabs[0].scopes = ['everywhere'];
    const problems = pkg.validate(manifest, JSON.parse(read('appPackage/en-us.json')));
    expect(problems.join('\n')).toMatch(/botId/);
    expect(problems.length).toBeGreaterThanOrEqual(2);
  });

  it('declares the bot, the tabs and the languages the app needs', () => {
    const m = JSON.parse(read('appPackage/manifest.json'));
    expect(m.bots[0]).toMatchObject({ scopes: ['personal', 'team', 'groupChat'], supportsFiles: false });
    expect(m.bots[0].commandLists.flatMap((l: { scopes: string[] }) => l.scopes).sort()).toEqual(['groupChat', 'personal', 'team']);
    expect(m.staticTabs.map((t: { entityId: string }) => t.entityId)).toEqual([TAB_ENTITY_ID, 'conversations', 'om']);
    expect(m.configurableTabs[0]).toMatchObject({ configurationUrl: '${{TAB_ENDPOINT}}/tab/config.html', scopes: ['team', 'groupChat'] });
    expect(m.localizationInfo).toEqual({
      defaultLanguageTag: 'da-dk',
      additionalLanguages: [{ languageTag: 'en-us', file: 'en-us.json' }],
    });
    expect(m.webApplicationInfo).toEqual({
      id: '${{AAD_APP_CLIENT_ID}}',
      resource: 'api://${{TAB_DOMAIN}}/${{AAD_APP_CLIENT_ID}}',
    });
    expect(m.validDomains).toEqual(['${{TAB_DOMAIN}}']);
  });

  it('lists only commands the bot understands, in Danish and English', () => {
    const m = JSON.parse(read('appPackage/manifest.json'));
    const en = JSON.parse(read('appPackage/en-us.json'));
    const titles = [
      ...m.bots[0].commandLists.flatMap((l: { commands: { title: string }[] }) => l.commands.map((c) => c.title)),
      ...Object.entries(en)
        .filter(([k]) => /commands\[\d+\]\.title$/.test(k))
        .map(([, v]) => v as string),
    ];
    for (const title of titles)
      expect({ title, intent: recognize(title).intent }).not.toMatchObject({ intent: expect.stringMatching(/^(unknown|outOfScope)$/) });
  });
});

describe('icons', () => {
  const png = (f: string) => PNG.sync.read(fs.readFileSync(path.join(ROOT, 'appPackage', f)));

  it('are 192×192 (colour) and 32×32 (outline)', () => {
    expect([png('color.png').width, png('color.png').height]).toEqual([192, 192]);
    expect([png('outline.png').width, png('outline.png').height]).toEqual([32, 32]);
  });

  it('outline is white on transparent', () => {
    const { data } = png('outline.png');
    let opaque = 0;
    let transparent = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3] === 0) transparent++;
      else {
        opaque++;
        expect([data[i], data[i + 1], data[i + 2]]).toEqual([255, 255, 255]);
      }
    }
    expect(opaque).toBeGreaterThan(100);
    expect(transparent).toBeGreaterThan(100);
  });

  it('are drawn from the SVG sources in appPackage/icons (npm run icons)', () => {
    for (const name of ['color', 'outline']) {
      const fresh = PNG.sync.read(icons.render(name));
      expect(Buffer.compare(fresh.data, png(`${name}.png`).data)).toBe(0);
    }
  });
});

describe('the Teams Toolkit project', () => {
  it.each(['teamsapp.yml', 'teamsapp.local.yml'])('%s references only files that exist', (yml) => {
    const doc = parseYaml(read(yml));
    const paths: string[] = [];
    for (const stage of ['provision', 'deploy', 'publish']) {
      for (const step of doc[stage] ?? []) {
        const w = step.with ?? {};
        for (const key of ['manifestPath', 'ignoreFile', 'artifactFolder']) if (w[key]) paths.push(w[key]);
        for (const t of w.templates ?? []) paths.push(t.path, t.parameters);
      }
    }
    expect(paths.length).toBeGreaterThan(0);
    expect(paths.filter((p) => !fs.existsSync(path.join(ROOT, p)))).toEqual([]);
  });

  it('provisions, deploys and publishes with the actions Teams Toolkit knows', () => {
    const uses = (yml: string, stage: string) => parseYaml(read(yml))[stage].map((s: { uses: string }) => s.uses);
    expect(uses('teamsapp.yml', 'provision')).toEqual([
      'teamsApp/create',
      'aadApp/create',
      'arm/deploy',
      'aadApp/update',
      'teamsApp/validateManifest',
      'teamsApp/zipAppPackage',
      'teamsApp/validateAppPackage',
      'teamsApp/update',
    ]);
    expect(uses('teamsapp.yml', 'deploy')).toContain('azureAppService/zipDeploy');
    expect(uses('teamsapp.yml', 'publish')).toContain('teamsApp/publishAppPackage');
    expect(uses('teamsapp.local.yml', 'provision')).toEqual(expect.arrayContaining(['aadApp/create', 'botFramework/create']));
    expect(read('infra/azure.bicep')).toContain("msaAppType: 'UserAssignedMSI'");
  });
});

describe('single sign-on (aad.manifest.json)', () => {
  const aad = JSON.parse(read('aad.manifest.json'));
  const TEAMS_CLIENTS = { desktopAndMobile: '1fec8e78-bce4-4aaf-ab1b-5451cc387264', web: '5e3ce6c0-2b1f-4285-8d4b-75ee78787346' };

  it('exposes access_as_user for this tenant, at the application id URI the manifest and the server use', () => {
    expect(aad).toMatchObject({ appId: '${{AAD_APP_CLIENT_ID}}', signInAudience: 'AzureADMyOrg', accessTokenAcceptedVersion: 2 });
    expect(aad.oauth2Permissions).toEqual([
      expect.objectContaining({ value: 'access_as_user', type: 'User', isEnabled: true, id: '${{AAD_APP_ACCESS_AS_USER_PERMISSION_ID}}' }),
    ]);
    const manifest = JSON.parse(read('appPackage/manifest.json'));
    expect(aad.identifierUris).toEqual([manifest.webApplicationInfo.resource]);
    // The server accepts exactly this audience: api://<host of TAB_ENDPOINT>/<client id>.
    expect(manifest.webApplicationInfo.resource).toBe('api://${{TAB_DOMAIN}}/${{AAD_APP_CLIENT_ID}}');
  });

  it.each(Object.entries(TEAMS_CLIENTS))("pre-authorises Teams' %s client for access_as_user", (_name, appId) => {
    expect(aad.preAuthorizedApplications).toContainEqual({ appId, permissionIds: ['${{AAD_APP_ACCESS_AS_USER_PERMISSION_ID}}'] });
  });

  it('is a valid Entra manifest once filled: GUIDs where ids go, https URIs, every pre-authorised app distinct', () => {
    const values = { ...filled('dev'), AAD_APP_ACCESS_AS_USER_PERMISSION_ID: '66666666-7777-4888-9999-000000000000' };
    const doc = JSON.parse(pkg.fill(read('aad.manifest.json'), values).text);
    const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
    expect(doc.appId).toMatch(guid);
    expect(doc.oauth2Permissions[0].id).toMatch(guid);
    for (const p of doc.preAuthorizedApplications) {
      expect(p.appId).toMatch(guid);
      expect(p.permissionIds).toEqual([doc.oauth2Permissions[0].id]);
    }
    expect(new Set(doc.preAuthorizedApplications.map((p: { appId: string }) => p.appId)).size).toBe(doc.preAuthorizedApplications.length);
    expect(doc.identifierUris[0]).toBe(`api://hvidovrevejen.azurewebsites.net/${doc.appId}`);
    expect(doc.replyUrlsWithType[0].url).toMatch(/^https:\/\//);
  });

  it('is created and updated by both Teams Toolkit projects, and the server gets its client id and tenant', () => {
    for (const yml of ['teamsapp.yml', 'teamsapp.local.yml']) {
      const steps = parseYaml(read(yml)).provision as {
        uses: string;
        with: Record<string, unknown>;
        writeToEnvironmentFile?: Record<string, string>;
      }[];
      const create = steps.find((s) => s.uses === 'aadApp/create' && s.writeToEnvironmentFile?.clientId === 'AAD_APP_CLIENT_ID');
      expect(create?.writeToEnvironmentFile).toMatchObject({ tenantId: 'AAD_APP_TENANT_ID', objectId: 'AAD_APP_OBJECT_ID' });
      expect(steps.find((s) => s.uses === 'aadApp/update')?.with.manifestPath).toBe('./aad.manifest.json');
      // Updated only once the tab's domain is known.
      const order = steps.map((s) => s.uses);
      expect(order.indexOf('aadApp/update')).toBeGreaterThan(
        yml === 'teamsapp.yml' ? order.indexOf('arm/deploy') : order.indexOf('file/createOrUpdateEnvironmentFile'),
      );
    }
    const bicep = read('infra/azure.bicep');
    expect(bicep).toContain("{ name: 'AAD_APP_CLIENT_ID', value: aadAppClientId }");
    expect(bicep).toContain("{ name: 'AAD_APP_TENANT_ID', value: aadAppTenantId }");
    expect(read('teamsapp.local.yml')).toContain('AAD_APP_CLIENT_ID: ${{AAD_APP_CLIENT_ID}}');
  });
});

describe('npm run package', () => {
  it('zips exactly manifest.json, color.png, outline.png and en-us.json', () => {
    const overrides = Object.fromEntries(Object.entries(filled('dev')));
    const { zipPath } = pkg.build('dev', overrides);
    const files = unzipSync(fs.readFileSync(zipPath));
    expect(Object.keys(files).sort()).toEqual(['color.png', 'en-us.json', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(Buffer.from(files['manifest.json']).toString('utf8'));
    expect(JSON.stringify(manifest)).not.toContain('${{');
    expect(manifest.bots[0].botId).toBe(overrides.BOT_ID);
  });

  it('refuses, naming what is missing, before provisioning', () => {
    expect(() => pkg.build('local', {})).toThrow(/No value for TEAMS_APP_ID, BOT_ID, TAB_ENDPOINT, TAB_DOMAIN/);
  });
});
