// Parses a card with the official adaptivecards library, as Teams clients
// do, and returns every parse and validation problem it reports.
import * as AC from 'adaptivecards';

export function cardProblems(content: unknown, version = AC.Versions.v1_5): string[] {
  const context = new AC.SerializationContext(version);
  const card = new AC.AdaptiveCard();
  card.parse(content, context);
  const events: AC.IValidationEvent[] = [];
  for (let i = 0; i < context.eventCount; i++) events.push(context.getEventAt(i));
  events.push(...card.validateProperties().validationEvents);
  return events.map((e) => `${AC.ValidationEvent[e.event]}: ${e.message}`);
}
