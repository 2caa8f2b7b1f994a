// Thin Bot Framework handler: the logic lives in plain functions it calls.
import { ActivityHandler, ActivityTypes, type TurnContext } from 'botbuilder';
import { renderWelcomeCard } from './cards/welcome-card';
import { toAttachment } from './cards/render';

export class HvidovreBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await sendWelcome(context);
      await next();
    });
  }
}

async function sendWelcome(context: TurnContext): Promise<void> {
  const card = renderWelcomeCard();
  await context.sendActivity({ type: ActivityTypes.Message, attachments: [toAttachment(card)], summary: card.fallbackText });
}
