// The only module that knows how botbuilder authenticates; a move to the
// Microsoft 365 Agents SDK replaces this file.
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  type TurnContext,
} from 'botbuilder';
import type { Config } from './config';
import { errorFields, type Logger } from './log';

export const APOLOGY = 'Beklager, der gik noget galt hos mig. Prøv igen om lidt. (Sorry, something went wrong. Please try again shortly.)';

export function createAdapter(config: Config, log: Logger): CloudAdapter {
  // Empty credentials switch auth off: local mode, as the Emulator expects.
  const credentials = new ConfigurationServiceClientCredentialFactory({
    MicrosoftAppId: config.bot?.appId ?? '',
    MicrosoftAppPassword: config.bot?.appPassword ?? '',
    MicrosoftAppType: config.bot?.appType ?? 'MultiTenant',
    MicrosoftAppTenantId: config.bot?.tenantId ?? '',
  });
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}, credentials));

  adapter.onTurnError = async (context: TurnContext, error: unknown) => {
    log.error('turn_error', { activityType: context.activity.type, conversation: context.activity.conversation?.id, ...errorFields(error) });
    try {
      await context.sendActivity(APOLOGY);
    } catch (sendError) {
      log.error('turn_error_apology_failed', errorFields(sendError));
    }
  };
  return adapter;
}
