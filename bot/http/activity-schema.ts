// The JSON schema every incoming activity must meet before botbuilder sees
// it: each field the bot (or botbuilder's Teams handler) reads has a type
// and a length cap. Fields we do not read may be anything: Teams adds new
// ones, and they are never touched.

/** Teams' own limit is about 28 KB of text; a little more is allowed. */
export const MAX_TEXT = 30_000;
const MAX_ID = 1000;
const MAX_NAME = 1000;

const str = (maxLength: number, extra: Record<string, unknown> = {}) => ({ type: 'string', maxLength, ...extra });
// Ids are opaque ASCII tokens ("19:…@thread.tacv2", "a:1Xy…"); botbuilder puts them in
// HTTP headers and URL paths, where a control character or lone surrogate would throw.
const ASCII = '^[\\x20-\\x7E]*$';
const id = str(MAX_ID, { minLength: 1, pattern: ASCII });
const optionalId = str(MAX_ID, { pattern: ASCII });
const name = str(MAX_NAME);
const obj = (properties: Record<string, unknown>, required: string[] = []) => ({
  type: 'object',
  properties,
  ...(required.length && { required }),
});

const account = obj({ id, name, aadObjectId: str(100, { pattern: ASCII }), role: str(100) }, ['id']);
const members = { type: 'array', maxItems: 1000, items: account };
// ISO 8601 as the Bot Connector sends it: "2025-01-31T08:15:00.1234567Z", "…+01:00".
const timestamp = str(40, { pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:?\\d{2})?$' });

const mention = {
  if: obj({ type: { const: 'mention' } }, ['type']),
  then: obj({ mentioned: obj({ id, name }, ['id']), text: str(MAX_NAME) }, ['mentioned', 'text']),
};

interface Account {
  id: string;
  name?: string;
  aadObjectId?: string;
  role?: string;
}

/** What the schema guarantees, as a type; fields it does not name are unknown. */
export interface IncomingActivity {
  type: string;
  id?: string;
  name?: string;
  text?: string;
  textFormat?: string;
  locale?: string;
  channelId: string;
  serviceUrl: string;
  timestamp?: string;
  localTimestamp?: string;
  expiration?: string;
  from?: Account;
  recipient: Account;
  conversation: { id: string; name?: string; conversationType?: string; tenantId?: string; isGroup?: boolean };
  channelData?: {
    team?: { id?: string; name?: string; aadGroupId?: string };
    channel?: { id?: string; name?: string };
    tenant?: { id?: string };
    eventType?: string;
    settings?: Record<string, unknown>;
    [key: string]: unknown;
  };
  entities?: { type: string; mentioned?: { id: string; name?: string }; text?: string; [key: string]: unknown }[];
  membersAdded?: Account[];
  membersRemoved?: Account[];
  reactionsAdded?: { type?: string }[];
  reactionsRemoved?: { type?: string }[];
  action?: string;
  replyToId?: string;
  deliveryMode?: 'normal' | 'notification' | 'expectReplies' | 'ephemeral';
  value?: unknown;
  [key: string]: unknown;
}

export const ACTIVITY_TYPES = ['message', 'conversationUpdate', 'installationUpdate', 'messageReaction', 'invoke'] as const;
export const CARD_ACTION = 'adaptiveCard/action';
/** The message extension: a search in the compose box, and a pasted link to the tab. */
export const EXTENSION_QUERY = 'composeExtension/query';
export const EXTENSION_LINK = 'composeExtension/queryLink';
/** The invokes the bot answers; any other is refused at the edge. */
export const INVOKE_NAMES = [CARD_ACTION, EXTENSION_QUERY, EXTENSION_LINK] as const;
/** A search is a few words; Teams' box is one line. */
export const MAX_QUERY = 500;
/** Browsers' practical URL limit, and the manifest's for a domain. */
export const MAX_URL = 2048;

const common = obj(
  {
    type: str(64, { pattern: '^[A-Za-z]+$' }),
    id: optionalId,
    name: str(200),
    text: str(MAX_TEXT),
    textFormat: str(20),
    // BCP-47-ish: "da-DK", "en-US", "zh-Hant-TW".
    locale: str(20, { pattern: '^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$' }),
    channelId: str(100, { minLength: 1 }),
    serviceUrl: str(2000, { pattern: '^https?://[^\\s/?#@]+(/[^\\s]*)?$' }),
    timestamp,
    localTimestamp: timestamp,
    expiration: timestamp,
    from: account,
    recipient: account,
    conversation: obj({ id, name, conversationType: str(64), tenantId: str(100, { pattern: ASCII }), isGroup: { type: 'boolean' } }, [
      'id',
    ]),
    channelData: obj({
      team: obj({ id: optionalId, name, aadGroupId: str(100, { pattern: ASCII }) }),
      channel: obj({ id: optionalId, name }),
      tenant: obj({ id: str(100, { pattern: ASCII }) }),
      eventType: str(100),
      settings: { type: 'object' },
    }),
    entities: { type: 'array', maxItems: 50, items: { ...obj({ type: str(100) }, ['type']), ...mention } },
    membersAdded: members,
    membersRemoved: members,
    reactionsAdded: { type: 'array', maxItems: 50, items: obj({ type: str(100) }) },
    reactionsRemoved: { type: 'array', maxItems: 50, items: obj({ type: str(100) }) },
    action: str(64),
    replyToId: optionalId,
    deliveryMode: { enum: ['normal', 'notification', 'expectReplies', 'ephemeral'] },
  },
  ['type', 'channelId', 'serviceUrl', 'conversation', 'recipient'],
);

const when = (name: string, then: object) => ({ if: obj({ name: { const: name } }, ['name']), then });

/** Universal Actions (Action.Execute) on our cards. */
const cardAction = obj(
  {
    value: obj(
      {
        action: obj({ type: str(100), verb: str(200, { minLength: 1 }), id: optionalId, data: { type: 'object' } }, ['type', 'verb']),
        trigger: str(50),
        state: str(MAX_NAME),
        authentication: { type: 'object' },
      },
      ['action'],
    ),
  },
  ['value'],
);

/** A search in the compose box: the command, its parameters (the typed words, or Teams' initial run), paging. */
const extensionQuery = obj(
  {
    value: obj(
      {
        commandId: str(64, { minLength: 1 }),
        parameters: { type: 'array', maxItems: 5, items: obj({ name: str(64, { minLength: 1 }), value: str(MAX_QUERY) }, ['name']) },
        queryOptions: obj({ skip: { type: 'integer', minimum: 0, maximum: 1000 }, count: { type: 'integer', minimum: 0, maximum: 100 } }),
        state: str(MAX_NAME),
      },
      ['commandId', 'parameters'],
    ),
  },
  ['value'],
);

/** A link pasted in the compose box, on a domain the manifest's messageHandlers name. */
const extensionLink = obj(
  { value: obj({ url: str(MAX_URL, { minLength: 1, pattern: '^https?://[^\\s]+$' }), state: str(MAX_NAME) }, ['url']) },
  ['value'],
);

const invoke = {
  allOf: [
    obj({ name: { enum: INVOKE_NAMES } }, ['name']),
    when(CARD_ACTION, cardAction),
    when(EXTENSION_QUERY, extensionQuery),
    when(EXTENSION_LINK, extensionLink),
  ],
};

const userTurn = obj({ from: account }, ['from']);

export const activitySchema = {
  $id: 'activity',
  ...common,
  allOf: [
    { if: obj({ type: { const: 'invoke' } }, ['type']), then: { allOf: [invoke, userTurn] } },
    { if: obj({ type: { const: 'message' } }, ['type']), then: userTurn },
  ],
};
