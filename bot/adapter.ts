// The only module that knows how botbuilder authenticates and runs a turn;
// a move to the Microsoft 365 Agents SDK replaces this file. server.ts hands
// it an activity that has passed the edge's checks and gets back a status
// and body of our own: botbuilder never writes to the HTTP response, so its
// error texts and console stack traces never reach a client.
import {
  ActivityTypes,
  CallerIdConstants,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  type Activity,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type TurnContext,
} from 'botbuilder';
import { AuthenticationConstants, AuthenticationError, type AuthenticateRequestResult } from 'botframework-connector';
import type { Config } from './config';
import type { IncomingActivity } from './http/activity-schema';
import { APOLOGY } from './i18n';
import { errorFields, hashId, type Logger } from './log';

export { APOLOGY };

export type TurnLogic = (context: TurnContext) => Promise<void>;
export type TurnOutcome =
  | { ok: true; status: number; body?: unknown }
  | { ok: false; status: 401 | 503; reason: 'rejected_claims' | 'auth_timeout' | 'keys_unavailable' };

class Deadline extends Error {}

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_resolve, reject) => (timer = setTimeout(() => reject(new Deadline()), Math.max(0, ms))));
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}

/** The public Azure settings with our own signing-key location (tests point it at loopback). */
function authOptions(config: Config): ConfigurationBotFrameworkAuthenticationOptions {
  if (!config.openIdMetadataUrl) return {};
  // Any one override switches botbuilder to a parameterized setup that needs every value.
  return {
    ValidateAuthority: true,
    ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
    ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    ToBotFromChannelOpenIdMetadataUrl: config.openIdMetadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
    CallerId: CallerIdConstants.PublicAzureChannel,
  };
}

/** Timestamps as botbuilder's own request reader leaves them: Date objects, raw text kept. */
function toActivity(a: IncomingActivity): Activity {
  const date = (v: string | undefined) => (v === undefined ? undefined : new Date(v));
  const fixed = {
    ...a,
    ...(a.timestamp !== undefined && { timestamp: date(a.timestamp), rawTimestamp: a.timestamp }),
    ...(a.localTimestamp !== undefined && { localTimestamp: date(a.localTimestamp), rawLocalTimestamp: a.localTimestamp }),
    ...(a.expiration !== undefined && { expiration: date(a.expiration), rawExpiration: a.expiration }),
  };
  // The schema has checked every field the bot and botbuilder read; botbuilder's
  // type also marks fields the Bot Connector seldom sends (label, valueType, …) as required.
  return fixed as Activity;
}

export class EdgeAdapter extends CloudAdapter {
  /**
   * botbuilder's own authentication (claims, serviceUrl, endorsements) within
   * `budgetMs`, then the turn. Throws only for a failure inside the turn
   * machinery that onTurnError did not handle.
   */
  async runTurn(authorization: string, incoming: IncomingActivity, logic: TurnLogic, budgetMs: number): Promise<TurnOutcome> {
    const activity = toActivity(incoming);
    let auth: AuthenticateRequestResult;
    try {
      auth = await within(this.botFrameworkAuthentication.authenticateRequest(activity, authorization), budgetMs);
    } catch (err) {
      if (err instanceof Deadline) return { ok: false, status: 503, reason: 'auth_timeout' };
      if (err instanceof AuthenticationError && err.statusCode === 401) return { ok: false, status: 401, reason: 'rejected_claims' };
      return { ok: false, status: 503, reason: 'keys_unavailable' };
    }
    const response = await this.processActivity(auth, activity, logic);
    return { ok: true, status: response?.status ?? 200, body: response?.body };
  }
}

export function createAdapter(config: Config, log: Logger): EdgeAdapter {
  // Empty credentials switch auth off: local mode, as the Emulator expects.
  const credentials = new ConfigurationServiceClientCredentialFactory({
    MicrosoftAppId: config.bot?.appId ?? '',
    MicrosoftAppPassword: config.bot?.appPassword ?? '',
    MicrosoftAppType: config.bot?.appType ?? 'MultiTenant',
    MicrosoftAppTenantId: config.bot?.tenantId ?? '',
  });
  const adapter = new EdgeAdapter(new ConfigurationBotFrameworkAuthentication(authOptions(config), credentials));

  adapter.onTurnError = async (context: TurnContext, error: unknown) => {
    const { type, conversation } = context.activity;
    log.error('turn_error', { activityType: type, conversation: hashId(conversation?.id), ...errorFields(error) });
    try {
      if (type === String(ActivityTypes.Invoke)) {
        // An invoke is answered in the HTTP response, never with a chat message.
        const message = 'The action could not be completed.';
        const error = { code: 'InternalError', message };
        await context.sendActivity({
          type: ActivityTypes.InvokeResponse,
          value: { status: 500, body: { ...error, statusCode: 500, type: 'application/vnd.microsoft.error', value: error } },
        });
        return;
      }
      await context.sendActivity(APOLOGY);
    } catch (sendError) {
      log.error('turn_error_apology_failed', errorFields(sendError));
    }
  };
  return adapter;
}
