// Random and mutated Bot Framework activities for fuzzing the HTTP edge:
// well-formed Teams activities of every kind the bot handles, with one to
// four fields replaced by anything JSON can hold (or removed), plus wholly
// random objects.
import fc from 'fast-check';

const USER = { id: '29:fuzz-user', name: 'Fuzz Bruger', aadObjectId: '00000000-0000-0000-0000-00000000f022' };
const BOT = { id: '28:bot', name: 'Hvidovrevejen' };
const PERSONAL = { id: 'a:fuzz-personal', conversationType: 'personal', tenantId: 't1' };
const CHANNEL = { id: '19:fuzz@thread.tacv2;messageid=1', conversationType: 'channel', tenantId: 't1', isGroup: true };
const MENTION = { type: 'mention', mentioned: BOT, text: '<at>Hvidovrevejen</at>' };
const TEAMS = {
  team: { id: '19:team@thread.tacv2', name: 'Team' },
  channel: { id: '19:fuzz@thread.tacv2', name: 'Generelt' },
  tenant: { id: 't1' },
};

const QUESTIONS = [
  'hej',
  'hjælp',
  'tak',
  'hvad er centerchefens ansvar for driften?',
  'jeg er medarbejder',
  'min rolle',
  'skift rolle',
  'what does a team leader do for welfare?',
  'hvem har ansvar for kompetenceudvikling?',
  'de fire perspektiver',
  'hvornår har jeg ferie?',
  'ugens perspektiv',
  '<at>Hvidovrevejen</at> hvad betyder emergens?',
  'kompetenceudviklng',
  '',
  ' ',
  '<<<<',
  '&nbsp;',
  'ÆØÅ æøå',
];
const VALUES = [
  { action: 'setRole', role: 'centerchef' },
  { action: 'setRole', role: 'konge' },
  { action: 'changeRole' },
  { action: 'answer', intent: 'cell', slots: { role: 'medarbejder', perspective: 'driften' } },
  { action: 'answer', intent: 'nonsense' },
  { action: 'ask', question: 'hvad er emergens?' },
  { action: 'feedback', vote: 'up', intent: 'cell', question: 'x' },
  { action: 'weeklyCompose' },
  { action: 'weeklyPreview', perspective: 'driften' },
  { action: 'weeklyPost', channel: 'x' },
];

/** Valid activities of each kind the bot handles; `serviceUrl` is filled in by the caller. */
export function baseActivities(serviceUrl: string): Record<string, unknown>[] {
  const common = {
    channelId: 'msteams',
    serviceUrl,
    from: USER,
    recipient: BOT,
    locale: 'da-DK',
    timestamp: '2025-01-31T08:15:00.1234567Z',
    localTimestamp: '2025-01-31T09:15:00.123+01:00',
  };
  return [
    ...QUESTIONS.map((text, i) => ({ ...common, type: 'message', id: `m${i}`, text, textFormat: 'plain', conversation: PERSONAL })),
    ...QUESTIONS.slice(0, 6).map((text, i) => ({
      ...common,
      type: 'message',
      id: `c${i}`,
      text: `<at>Hvidovrevejen</at> ${text}`,
      conversation: CHANNEL,
      channelData: TEAMS,
      entities: [MENTION],
    })),
    ...VALUES.map((value, i) => ({ ...common, type: 'message', id: `v${i}`, value, conversation: PERSONAL })),
    { ...common, type: 'conversationUpdate', membersAdded: [BOT], conversation: PERSONAL },
    {
      ...common,
      type: 'conversationUpdate',
      membersAdded: [USER, BOT],
      conversation: CHANNEL,
      channelData: { ...TEAMS, eventType: 'teamMemberAdded' },
    },
    {
      ...common,
      type: 'conversationUpdate',
      membersRemoved: [BOT],
      conversation: CHANNEL,
      channelData: { ...TEAMS, eventType: 'teamMemberRemoved' },
    },
    { ...common, type: 'conversationUpdate', conversation: CHANNEL, channelData: { ...TEAMS, eventType: 'teamDeleted' } },
    { ...common, type: 'installationUpdate', action: 'add', conversation: CHANNEL, channelData: TEAMS },
    { ...common, type: 'installationUpdate', action: 'remove', conversation: PERSONAL },
    { ...common, type: 'messageReaction', reactionsAdded: [{ type: 'like' }], replyToId: 'm1', conversation: PERSONAL },
    ...['weeklyRefresh', 'weeklyMine', 'weeklySetRole', 'unknownVerb'].map((verb) => ({
      ...common,
      type: 'invoke',
      name: 'adaptiveCard/action',
      conversation: CHANNEL,
      channelData: TEAMS,
      value: {
        action: { type: 'Action.Execute', verb, data: { action: 'weekly', perspective: 'velfaerd', week: '2026-W49', role: 'centerchef' } },
        trigger: 'manual',
      },
    })),
  ];
}

const PATHS = [
  'type',
  'id',
  'name',
  'text',
  'textFormat',
  'locale',
  'channelId',
  'serviceUrl',
  'timestamp',
  'localTimestamp',
  'action',
  'replyToId',
  'deliveryMode',
  'from',
  'from.id',
  'from.name',
  'from.aadObjectId',
  'recipient',
  'recipient.id',
  'recipient.name',
  'conversation',
  'conversation.id',
  'conversation.conversationType',
  'conversation.tenantId',
  'conversation.isGroup',
  'conversation.name',
  'channelData',
  'channelData.team',
  'channelData.team.id',
  'channelData.team.name',
  'channelData.channel',
  'channelData.channel.name',
  'channelData.eventType',
  'channelData.tenant.id',
  'channelData.settings',
  'entities',
  'entities.0',
  'entities.0.type',
  'entities.0.mentioned',
  'entities.0.mentioned.id',
  'entities.0.text',
  'entities.1',
  'membersAdded',
  'membersAdded.0',
  'membersAdded.0.id',
  'membersRemoved',
  'membersRemoved.0.id',
  'reactionsAdded',
  'reactionsAdded.0.type',
  'value',
  'value.action',
  'value.role',
  'value.intent',
  'value.slots',
  'value.question',
  'value.action.verb',
  'value.action.type',
  'value.action.data',
  'value.action.data.perspective',
  'value.action.data.week',
  'value.trigger',
];

const WORDS = [
  'message',
  'invoke',
  'conversationUpdate',
  'installationUpdate',
  'messageReaction',
  'typing',
  'event',
  'adaptiveCard/action',
  'mention',
  'personal',
  'channel',
  'groupChat',
  'expectReplies',
  '28:bot',
  '29:fuzz-user',
  'weeklyRefresh',
  'weeklyMine',
  'weeklySetRole',
  'setRole',
  'answer',
  'centerchef',
  'driften',
  'teamDeleted',
  'add',
  'remove',
  'http://127.0.0.1:9/',
  'https://evil.example/',
  'en-US',
  'da',
  '2025-01-31T08:15:00Z',
  '<at>x</at>',
  '__proto__',
  'constructor',
  'toString',
];

/** Anything a field might be set to; undefined removes it. */
export const anyValue = fc.oneof(
  { weight: 4, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 3, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 2, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 40_000 }).map((n) => 'å'.repeat(n)) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom(...WORDS), { maxLength: 5 }).map((w) => w.map((x) => ({ id: x, type: x }))) },
);

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node: Record<string, unknown> = target;
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    if (typeof next !== 'object' || next === null) node[key] = /^\d+$/.test(key) ? [] : {};
    node = node[key] as Record<string, unknown>;
  }
  const last = keys[keys.length - 1];
  if (value === undefined) delete node[last];
  else node[last] = value;
}

/** A well-formed activity with 1–4 fields replaced or removed. */
export const mutatedActivity = (bases: Record<string, unknown>[]) =>
  fc
    .tuple(fc.constantFrom(...bases), fc.array(fc.tuple(fc.constantFrom(...PATHS), anyValue), { minLength: 1, maxLength: 4 }))
    .map(([base, changes]) => {
      const activity = structuredClone(base);
      for (const [path, value] of changes) setPath(activity, path, structuredClone(value));
      return activity;
    });

const STRING_PATHS = PATHS.filter((p) =>
  /(^|\.)(type|id|name|text|textFormat|locale|channelId|timestamp|localTimestamp|action|replyToId|conversationType|tenantId|eventType|verb|role|intent|question|trigger|perspective|week)$/.test(
    p,
  ),
);
const plausible = fc.oneof(
  fc.constantFrom(...WORDS, ...QUESTIONS),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
);

/** A well-formed activity with one or two text fields changed: mostly still valid, so the turn itself is fuzzed. */
export const nudgedActivity = (bases: Record<string, unknown>[]) =>
  fc
    .tuple(fc.constantFrom(...bases), fc.array(fc.tuple(fc.constantFrom(...STRING_PATHS), plausible), { minLength: 1, maxLength: 2 }))
    .map(([base, changes]) => {
      const activity = structuredClone(base);
      for (const [path, value] of changes) setPath(activity, path, value);
      return activity;
    });

/** Wholly random objects with activity-like keys. */
export const randomActivity = fc.dictionary(
  fc.oneof(fc.constantFrom(...PATHS.filter((p) => !p.includes('.'))), fc.string({ maxLength: 10 })),
  anyValue,
  { maxKeys: 12 },
);
