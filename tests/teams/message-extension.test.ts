// The message extension in the app package: declared as the bot answers it,
// in both languages, valid against Microsoft's v1.24 schema, and built.
import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { QUERY_PARAMETER, SEARCH_COMMAND } from '../../bot/extension/respond';

const ROOT = path.join(__dirname, '../..');
const read = (f: string) => fs.readFileSync(path.join(ROOT, f), 'utf8');
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the plain CommonJS build script behind npm run package, tested as it runs
const pkg = require('../../appPackage/package.js');

const manifest = JSON.parse(read('appPackage/manifest.json'));
const en = JSON.parse(read('appPackage/en-us.json'));
const sample = (name: string, value: string) =>
  value ||
  (/_ID$/.test(name)
    ? '11111111-2222-3333-4444-555555555555'
    : /DOMAIN$/.test(name)
      ? 'hvidovrevejen.azurewebsites.net'
      : /ENDPOINT$|_URL$/.test(name)
        ? 'https://hvidovrevejen.azurewebsites.net'
        : 'x');
const filled = (env: string) =>
  Object.fromEntries(Object.entries(pkg.parseEnv(read(`env/.env.${env}`)) as Record<string, string>).map(([k, v]) => [k, sample(k, v)]));

describe('the message extension in the manifest', () => {
  const [extension] = manifest.composeExtensions;
  const [command] = extension.commands;

  it('is the bot’s own, a search command the bot answers, run once on opening', () => {
    expect(manifest.composeExtensions).toHaveLength(1);
    expect(extension).toMatchObject({ botId: '${{BOT_ID}}', composeExtensionType: 'botBased' });
    expect(extension.botId).toBe(manifest.bots[0].botId);
    expect(extension.commands).toHaveLength(1);
    expect(command).toMatchObject({ id: SEARCH_COMMAND, type: 'query', title: 'Søg i Hvidovrevejen', initialRun: true });
    expect(command.context).toEqual(['compose', 'commandBox']);
    expect(command.parameters.map((p: { name: string }) => p.name)).toEqual([QUERY_PARAMETER]);
  });

  it('is offered wherever the bot is: personal chats, teams and group chats', () => {
    // v1.24 has no scopes on a compose extension: a bot-based one goes where its bot goes.
    expect([...manifest.bots[0].scopes].sort()).toEqual(['groupChat', 'personal', 'team']);
  });

  it('unfolds links on the tab’s domain, which is also a valid domain', () => {
    expect(extension.messageHandlers).toEqual([{ type: 'link', value: { domains: ['${{TAB_DOMAIN}}'] } }]);
    expect(manifest.validDomains).toContain('${{TAB_DOMAIN}}');
  });

  it('has its English names in en-us.json', () => {
    expect(en['composeExtensions[0].commands[0].title']).toBe('Search Hvidovrevejen');
    expect(en['composeExtensions[0].commands[0].description']).toBeTruthy();
    expect(en['composeExtensions[0].commands[0].parameters[0].title']).toBe('Search');
    expect(en['composeExtensions[0].commands[0].parameters[0].description']).toBeTruthy();
  });

  it.each(['dev', 'local'])('passes the v1.24 schema once filled from env/.env.%s', (env) => {
    const m = JSON.parse(pkg.fill(read('appPackage/manifest.json'), filled(env)).text);
    const t = JSON.parse(pkg.fill(read('appPackage/en-us.json'), filled(env)).text);
    expect(pkg.MANIFEST_VERSION).toBe('v1.24');
    expect(pkg.validate(m, t)).toEqual([]);
  });

  it.each<[string, (m: any) => void]>([
    ['a command title over 32 characters', (m) => (m.composeExtensions[0].commands[0].title = 'Søg i Hvidovrevejen, hele grundlaget')],
    ['a message handler of an unknown type', (m) => (m.composeExtensions[0].messageHandlers[0].type = 'file')],
    ['a second compose extension', (m) => m.composeExtensions.push(m.composeExtensions[0])],
  ])('would be rejected by the schema with %s', (_name, breakIt) => {
    const m = JSON.parse(pkg.fill(read('appPackage/manifest.json'), filled('dev')).text);
    breakIt(m);
    expect(pkg.validate(m, en).join('\n')).toMatch(/composeExtensions/);
  });

  it('is in the package npm run package builds', () => {
    const values = filled('dev');
    const { zipPath } = pkg.build('dev', values);
    const zipped = JSON.parse(Buffer.from(unzipSync(fs.readFileSync(zipPath))['manifest.json']).toString('utf8'));
    expect(zipped.composeExtensions[0].botId).toBe(values.BOT_ID);
    expect(zipped.composeExtensions[0].messageHandlers[0].value.domains).toEqual([values.TAB_DOMAIN]);
  });
});
