// The one place that reads process.env. Everything else gets a typed Config.
import fs from 'node:fs';
import path from 'node:path';

export type BotType = 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';

export interface BotCredentials {
  appId: string;
  appPassword: string;
  appType: BotType;
  tenantId: string;
}

export interface Config {
  port: number;
  host: string;
  /** Undefined in local mode: no auth, as the Bot Framework Emulator expects. */
  bot?: BotCredentials;
  tabDir: string;
  logLevel: LogLevel;
  storage: StorageConfig;
  /** The Teams app id, for deep links into the tab; unset in local mode. */
  teamsAppId?: string;
  /** Public URL of the tab (ends in /tab/). */
  tabUrl: string;
  /** AAD object ids that may post the weekly perspective whatever their role. */
  adminIds: string[];
  /** NODE_ENV=production or on Azure App Service: local mode needs an explicit opt-in. */
  production: boolean;
  /** Where the Bot Connector's signing keys are published; unset: botbuilder's default. */
  openIdMetadataUrl?: string;
  /** Salt for hashed ids in the log; unset: a random one per process. */
  logIdSalt?: string;
  /** Teams single sign-on for the tab (the Entra app Teams gets tokens for); unset: the tab keeps a local choice. */
  sso?: SsoConfig;
}

export interface SsoConfig {
  clientId: string;
  tenantId: string;
  /** The tenant's OpenID metadata, which names the token signing keys. */
  metadataUrl: string;
  /** `api://<tab domain>/<client id>`, the other audience Teams may put in a token. */
  applicationIdUri: string;
}

export type StorageConfig =
  | { kind: 'file'; dataDir: string }
  | { kind: 'blob'; connectionString: string; container: string }
  /** Azure Blob through a managed identity: no key or connection string. */
  | { kind: 'blob-identity'; accountUrl: string; container: string; clientId?: string };

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const BOT_TYPES: readonly BotType[] = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'];
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

const value = (env: Env, name: string): string | undefined => {
  const v = env[name]?.trim();
  return v ? v : undefined;
};

function readPort(env: Env, problems: string[]): number {
  const raw = value(env, 'PORT');
  if (raw === undefined) return 3978;
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port > 65535) {
    problems.push(`PORT must be a whole number from 0 to 65535, got "${raw}"`);
    return 0;
  }
  return port;
}

function readBot(env: Env, problems: string[]): BotCredentials | undefined {
  const appId = value(env, 'BOT_ID');
  const appPassword = value(env, 'BOT_PASSWORD') ?? '';
  const tenantId = value(env, 'BOT_TENANT_ID') ?? '';
  const rawType = value(env, 'BOT_TYPE');
  const problemsBefore = problems.length;

  if (rawType !== undefined && !BOT_TYPES.includes(rawType as BotType)) {
    problems.push(`BOT_TYPE must be one of ${BOT_TYPES.join(', ')}, got "${rawType}"`);
  }
  if (!appId) {
    if (appPassword) problems.push('BOT_PASSWORD is set but BOT_ID is not; set both, or neither for local mode');
    return undefined;
  }
  const appType = (rawType as BotType | undefined) ?? 'MultiTenant';
  if (!GUID.test(appId)) problems.push("BOT_ID must be the bot's Microsoft App ID (a GUID)");
  if (appType !== 'UserAssignedMSI' && !appPassword) problems.push(`BOT_PASSWORD is required when BOT_TYPE is ${appType}`);
  if (appType !== 'MultiTenant' && !GUID.test(tenantId)) problems.push(`BOT_TENANT_ID must be a tenant GUID when BOT_TYPE is ${appType}`);
  return problems.length > problemsBefore ? undefined : { appId, appPassword, appType, tenantId };
}

function readStorage(env: Env, root: string, problems: string[]): StorageConfig {
  const connectionString = value(env, 'STORAGE_CONNECTION_STRING');
  const accountUrl = value(env, 'STORAGE_ACCOUNT_URL');
  const container = value(env, 'STORAGE_CONTAINER');
  if (!connectionString && !accountUrl && !container)
    return { kind: 'file', dataDir: path.resolve(root, value(env, 'DATA_DIR') ?? '.data') };
  if (accountUrl && !connectionString) {
    if (!/^https:\/\/[^\s/]+/.test(accountUrl))
      problems.push(`STORAGE_ACCOUNT_URL must be the account's https blob endpoint, got "${accountUrl}"`);
    if (!container) problems.push('STORAGE_ACCOUNT_URL needs STORAGE_CONTAINER');
    return { kind: 'blob-identity', accountUrl, container: container ?? '', clientId: value(env, 'AZURE_CLIENT_ID') };
  }
  if (!connectionString || !container) {
    problems.push(
      'STORAGE_CONNECTION_STRING and STORAGE_CONTAINER go together: set both for Azure Blob Storage (or STORAGE_ACCOUNT_URL with a managed identity), or neither for the local data folder',
    );
  } else {
    if (!/^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$/.test(container))
      problems.push('STORAGE_CONTAINER must be 3–63 lowercase letters, digits and single hyphens');
    if (!/(^|;)\s*(AccountName|BlobEndpoint)=/i.test(connectionString) && connectionString !== 'UseDevelopmentStorage=true') {
      problems.push('STORAGE_CONNECTION_STRING does not look like an Azure Storage connection string');
    }
  }
  return { kind: 'blob', connectionString: connectionString ?? '', container: container ?? '' };
}

/** The folder holding package.json, whether running from bot/ (tests) or lib/bot/ (build). */
function projectRoot(from = __dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return process.cwd();
  }
}

const LOOPBACK_HOST = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

/** Auth fails closed: in production, no BOT_ID is an error unless explicitly allowed. */
function checkProduction(env: Env, bot: BotCredentials | undefined, problems: string[]): boolean {
  const production = value(env, 'NODE_ENV') === 'production' || value(env, 'WEBSITE_SITE_NAME') !== undefined;
  const allow = value(env, 'ALLOW_UNAUTHENTICATED');
  if (allow !== undefined && allow !== 'true' && allow !== 'false')
    problems.push(`ALLOW_UNAUTHENTICATED must be "true" or "false", got "${allow}"`);
  if (production && !bot && allow !== 'true' && !problems.some((p) => p.startsWith('BOT_'))) {
    problems.push(
      'BOT_ID is required in production (NODE_ENV=production or on Azure App Service); without it anyone could talk to the bot. Set ALLOW_UNAUTHENTICATED=true only for a private test deployment',
    );
  }
  return production;
}

function readMetadataUrl(env: Env, problems: string[], name = 'BOT_OPENID_METADATA_URL'): string | undefined {
  const raw = value(env, name);
  if (raw === undefined) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  // Signing keys over plain http only from this machine (tests, a local stand-in).
  if (!url || !(url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOST.test(url.hostname)))) {
    problems.push(`${name} must be an https URL (http only on loopback), got "${raw}"`);
  }
  return raw;
}

/** Teams Toolkit's names for the tab's Entra app: both or neither. */
function readSso(env: Env, endpoint: string, problems: string[]): SsoConfig | undefined {
  const clientId = value(env, 'AAD_APP_CLIENT_ID');
  const tenantId = value(env, 'AAD_APP_TENANT_ID');
  const metadataUrl = readMetadataUrl(env, problems, 'AAD_OPENID_METADATA_URL');
  if (!clientId && !tenantId) {
    if (metadataUrl) problems.push('AAD_OPENID_METADATA_URL is set but AAD_APP_CLIENT_ID and AAD_APP_TENANT_ID are not');
    return undefined;
  }
  if (!clientId || !GUID.test(clientId)) problems.push("AAD_APP_CLIENT_ID must be the tab's Entra app client id (a GUID)");
  if (!tenantId || !GUID.test(tenantId)) problems.push('AAD_APP_TENANT_ID must be the tenant id (a GUID)');
  if (!clientId || !tenantId) return undefined;
  const host = /^https?:\/\/([^\s/:]+)/.exec(endpoint)?.[1] ?? 'localhost';
  return {
    clientId: clientId.toLowerCase(),
    tenantId: tenantId.toLowerCase(),
    metadataUrl: metadataUrl ?? `https://login.microsoftonline.com/${tenantId}/v2.0/.well-known/openid-configuration`,
    applicationIdUri: `api://${host}/${clientId.toLowerCase()}`,
  };
}

/** Reads and validates the environment; throws ConfigError listing every problem at once. */
export function loadConfig(env: Env = process.env, root = projectRoot()): Config {
  const problems: string[] = [];
  const port = readPort(env, problems);
  const bot = readBot(env, problems);
  const storage = readStorage(env, root, problems);
  const production = checkProduction(env, bot, problems);
  const openIdMetadataUrl = readMetadataUrl(env, problems);

  const logLevel = (value(env, 'LOG_LEVEL') ?? 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);

  const teamsAppId = value(env, 'TEAMS_APP_ID');
  if (teamsAppId && !GUID.test(teamsAppId)) problems.push('TEAMS_APP_ID must be the Teams app id (a GUID)');
  const endpoint = value(env, 'TAB_ENDPOINT') ?? `http://localhost:${port || 3978}`;
  if (!/^https?:\/\/[^\s/]+/.test(endpoint)) problems.push(`TAB_ENDPOINT must be an http(s) URL, got "${endpoint}"`);
  const sso = readSso(env, endpoint, problems);

  const adminIds = (value(env, 'ADMIN_IDS') ?? '').split(/[\s,;]+/).filter(Boolean);
  if (adminIds.some((id) => !GUID.test(id))) problems.push('ADMIN_IDS must be AAD object ids (GUIDs), separated by commas');

  if (problems.length) throw new ConfigError(problems);
  return {
    port,
    // Without auth, only this machine may reach the server unless HOST says otherwise.
    host: value(env, 'HOST') ?? (bot ? '0.0.0.0' : '127.0.0.1'),
    bot,
    tabDir: path.resolve(root, value(env, 'TAB_DIR') ?? 'tab/dist'),
    logLevel,
    storage,
    teamsAppId,
    tabUrl: `${endpoint.replace(/\/+$/, '')}/tab/`,
    adminIds,
    production,
    openIdMetadataUrl,
    logIdSalt: value(env, 'LOG_ID_SALT'),
    sso,
  };
}
