// `npm run package -- --env dev`: builds appPackage/build/appPackage.<env>.zip
// offline. Fills the ${{VAR}} placeholders from env/.env.<env> (and the
// git-ignored .env.<env>.user, and the process environment), validates the
// manifest and its translation against Microsoft's JSON schemas shipped in
// @microsoft/app-manifest, and zips exactly what Teams needs.
const fs = require('node:fs');
const path = require('node:path');
const Ajv = require('ajv-draft-04');
const addFormats = require('ajv-formats');
const { zipSync, strToU8 } = require('fflate');

const ROOT = path.join(__dirname, '..');
const MANIFEST_VERSION = 'v1.24';
const SCHEMAS = path.join(ROOT, 'node_modules/@microsoft/app-manifest/build/json-schemas/teams', MANIFEST_VERSION);
const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** Parses a Teams Toolkit .env file: KEY=value lines, # comments. */
function parseEnv(text) {
  const out = {};
  for (const line of text.split(/\r?\n/)) {
    const m = line.match(/^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/);
    if (m) out[m[1]] = m[2].replace(/^(['"])(.*)\1$/, '$2');
  }
  return out;
}

function loadEnv(env, overrides = process.env) {
  const file = path.join(ROOT, 'env', `.env.${env}`);
  if (!fs.existsSync(file)) throw new Error(`No environment "${env}": env/.env.${env} does not exist`);
  const values = parseEnv(fs.readFileSync(file, 'utf8'));
  const user = `${file}.user`;
  if (fs.existsSync(user)) Object.assign(values, parseEnv(fs.readFileSync(user, 'utf8')));
  for (const key of Object.keys(values)) if (overrides[key]) values[key] = overrides[key];
  return values;
}

const placeholders = (text) => [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]))];

/** Fills placeholders; returns the text and the names that had no value. */
function fill(text, values) {
  const missing = placeholders(text).filter((name) => !values[name]);
  return { text: text.replace(PLACEHOLDER, (_m, name) => values[name] ?? ''), missing };
}

function validator(schemaFile) {
  // Microsoft's localization schema has patterns that are invalid in unicode mode.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(fs.readFileSync(path.join(SCHEMAS, schemaFile), 'utf8')));
}

/** Schema errors of a filled manifest and its translation (empty when valid). */
function validate(manifest, translation) {
  const problems = [];
  for (const [doc, file, name] of [
    [manifest, 'MicrosoftTeams.schema.json', 'manifest.json'],
    [translation, 'MicrosoftTeams.Localization.schema.json', 'en-us.json'],
  ]) {
    const check = validator(file);
    if (!check(doc)) problems.push(...check.errors.map((e) => `${name}${e.instancePath}: ${e.message}`));
  }
  return problems;
}

function build(env, overrides) {
  const values = loadEnv(env, overrides);
  const manifestText = fs.readFileSync(path.join(__dirname, 'manifest.json'), 'utf8');
  const translationText = fs.readFileSync(path.join(__dirname, 'en-us.json'), 'utf8');
  const manifest = fill(manifestText, values);
  const translation = fill(translationText, values);
  const missing = [...new Set([...manifest.missing, ...translation.missing])];
  if (missing.length) {
    throw new Error(
      `No value for ${missing.join(', ')} in env/.env.${env}. Run \`teamsapp provision --env ${env}\` first, or set them there or in the environment.`,
    );
  }
  const problems = validate(JSON.parse(manifest.text), JSON.parse(translation.text));
  if (problems.length) throw new Error(`The manifest does not pass the ${MANIFEST_VERSION} schema:\n  ${problems.join('\n  ')}`);
  const files = {
    'manifest.json': strToU8(manifest.text),
    'color.png': fs.readFileSync(path.join(__dirname, 'color.png')),
    'outline.png': fs.readFileSync(path.join(__dirname, 'outline.png')),
    'en-us.json': strToU8(translation.text),
  };
  const outDir = path.join(__dirname, 'build');
  fs.mkdirSync(outDir, { recursive: true });
  const zipPath = path.join(outDir, `appPackage.${env}.zip`);
  fs.writeFileSync(zipPath, zipSync(files, { level: 9 }));
  fs.writeFileSync(path.join(outDir, `manifest.${env}.json`), manifest.text);
  return { zipPath, files: Object.keys(files) };
}

module.exports = { parseEnv, loadEnv, placeholders, fill, validate, build, MANIFEST_VERSION };

if (require.main === module) {
  const i = process.argv.indexOf('--env');
  const env = i > 0 ? process.argv[i + 1] : 'dev';
  try {
    const { zipPath, files } = build(env);
    process.stdout.write(`${path.relative(ROOT, zipPath)}: ${files.join(', ')} (manifest ${MANIFEST_VERSION}, valid)\n`);
  } catch (err) {
    process.stderr.write(`${err.message}\n`);
    process.exit(1);
  }
}
