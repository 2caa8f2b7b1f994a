// Thin Bot Framework handler: the logic lives in plain functions it calls.
import { ActivityHandler, ActivityTypes, type TurnContext } from 'botbuilder';
import { isRoleId, role, type RoleId } from '../data/charter';
import { renderWelcomeCard, welcomeCardData } from './cards/welcome-card';
import { toAttachment } from './cards/render';
import type { UserProfiles, UserRef } from './state/user-profiles';

export interface BotDeps {
  profiles: UserProfiles;
}

/** The role a card button asked for, if the activity is such a submit. */
export function submittedRole(value: unknown): RoleId | undefined {
  const v = value as { action?: unknown; role?: unknown } | undefined;
  return v?.action === 'setRole' && isRoleId(v.role) ? v.role : undefined;
}

const userOf = (context: TurnContext): UserRef => ({ id: context.activity.from?.id ?? 'anonymous', aadObjectId: context.activity.from?.aadObjectId });

export class HvidovreBot extends ActivityHandler {
  constructor({ profiles }: BotDeps) {
    super();
    this.onMessage(async (context, next) => {
      const user = userOf(context);
      const picked = submittedRole(context.activity.value);
      if (picked) {
        await profiles.setRole(user, picked);
        await context.sendActivity(`Tak! Din rolle er nu **${role(picked).name}**. (Thanks! Your role is now ${role(picked).name}.)`);
      }
      await sendWelcome(context, picked ?? (await profiles.get(user)).role);
      await next();
    });
  }
}

async function sendWelcome(context: TurnContext, myRole: RoleId | undefined): Promise<void> {
  const card = renderWelcomeCard(welcomeCardData(myRole));
  await context.sendActivity({ type: ActivityTypes.Message, attachments: [toAttachment(card)], summary: card.fallbackText });
}
