// The one user type: who wrote, as Teams tells it. Identity is scoped by
// channel and tenant, so an activity from another channel naming the same
// id is someone else to the bot.
export interface Person {
  /** The channel's user id (Teams: "29:…"). */
  id: string;
  /** Entra ID object id, the same in every chat. */
  aadObjectId?: string;
  /** Display name, for a leader's name on the weekly card. */
  name?: string;
  /** The Bot Framework channel ("msteams"). */
  channelId?: string;
  tenantId?: string;
}
