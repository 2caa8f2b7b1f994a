// A small Teams world for the weekly tests: two teams, a group chat, and
// people with rosters in the mock Bot Connector; and the three ways a
// person reaches the bot (a message, an Action.Submit click, an
// Action.Execute invoke), all over HTTP with expectReplies.
import type { MockConnector, Member } from './mock-connector';
import { messageActivity, post, type RunningServer } from './server';
import { readReplies } from './replies';

export const TEAM_A = '19:team-a@thread.tacv2';
export const CHANNEL_A = '19:ledelse-a@thread.tacv2';
export const TEAM_HR = '19:team-hr@thread.tacv2';
export const CHAT = '19:gruppe-g@thread.v2';
export const ADMIN_AAD = '00000000-0000-0000-0000-0000000000ad';

export interface Who extends Member {
  personal: string;
}
const person = (key: string, name: string, n: string): Who => ({
  id: `29:${key}`,
  name,
  givenName: name.split(' ')[0],
  aadObjectId: `00000000-0000-0000-0000-0000000000${n}`,
  personal: `a:${key}-personlig`,
});
export const kirsten = person('kirsten', 'Kirsten Leder', 'a1');
export const bo = person('bo', 'Bo Centerchef', 'b2');
export const ole = person('ole', 'Ole Udefra', 'c3');
export const ada = { ...person('ada', 'Ada Admin', 'ad'), aadObjectId: ADMIN_AAD };
export const sofie = person('sofie', 'Sofie Medarbejder', 'd4');
export const anna = person('anna', 'Anna Jensen', 'e5');

export class Clock {
  constructor(public t = new Date('2026-11-30T07:30:00Z')) {} // Monday 08:30 in Copenhagen, week 49
  now = () => this.t;
  set(iso: string) {
    this.t = new Date(iso);
  }
  add(ms: number) {
    this.t = new Date(this.t.getTime() + ms);
  }
}

/** Sends an activity from `who` to the server, with replies in the HTTP body. */
export function from(server: RunningServer, connector: MockConnector, who: Who) {
  const base = (extra: Record<string, unknown>) =>
    messageActivity('', {
      serviceUrl: connector.url,
      from: { id: who.id, name: who.name, aadObjectId: who.aadObjectId },
      conversation: { id: who.personal, conversationType: 'personal' },
      deliveryMode: 'expectReplies',
      ...extra,
    });
  return {
    async say(text: string, extra: Record<string, unknown> = {}) {
      const res = await post(server.url, base({ text, ...extra }));
      return readReplies(res.json?.activities ?? []);
    },
    /** An Action.Submit click (older clients): the card's data and inputs as a message value. */
    async submit(value: Record<string, unknown>, extra: Record<string, unknown> = {}) {
      const res = await post(server.url, base({ text: undefined, value, ...extra }));
      return readReplies(res.json?.activities ?? []);
    },
    /** An Action.Execute click: the invoke's answer is the card that replaces the clicked one. */
    async execute(verb: string, data: Record<string, unknown>, extra: Record<string, unknown> = {}) {
      const res = await post(
        server.url,
        // An invoke is answered in the HTTP response itself.
        base({
          type: 'invoke',
          name: 'adaptiveCard/action',
          text: undefined,
          deliveryMode: undefined,
          value: { action: { type: 'Action.Execute', verb, data } },
          ...extra,
        }),
      );
      return { status: res.status, body: res.json, card: res.json?.value, text: JSON.stringify(res.json?.value ?? {}) };
    },
  };
}

/** Installs the app in both teams and the group chat, sets the rosters, and gives everyone a role and a personal chat. */
export async function buildWorld(server: RunningServer, connector: MockConnector) {
  connector.rosters.set(TEAM_A, [kirsten, bo, sofie]);
  connector.rosters.set(TEAM_HR, [anna]);
  connector.rosters.set(CHAT, [kirsten, anna, sofie]);
  const event = (conversation: Record<string, unknown>, channelData?: Record<string, unknown>) =>
    post(
      server.url,
      messageActivity('', {
        type: 'installationUpdate',
        action: 'add',
        text: undefined,
        serviceUrl: connector.url,
        conversation,
        ...(channelData && { channelData }),
      }),
    );
  await event(
    { id: CHANNEL_A, conversationType: 'channel' },
    { team: { id: TEAM_A, name: 'Center for Skole' }, channel: { id: CHANNEL_A, name: 'Ledelse' } },
  );
  await event({ id: TEAM_HR, conversationType: 'channel' }, { team: { id: TEAM_HR, name: 'HR fortroligt' }, channel: { id: TEAM_HR } });
  await event({ id: CHAT, conversationType: 'groupChat', isGroup: true });
  const roles: [Who, string][] = [
    [kirsten, 'jeg er leder af medarbejdere'],
    [bo, 'jeg er centerchef'],
    [ole, 'jeg er centerchef'],
    [ada, 'jeg er medarbejder'],
    [sofie, 'jeg er medarbejder'],
    [anna, 'jeg er centerchef'],
  ];
  for (const [who, text] of roles) await from(server, connector, who).say(text);
  await server.bookkeeping.drain();
}

/** The inputs of a compose card as a client would send them back, with changes. */
export function inputsOf(card: any, changes: Record<string, unknown> = {}): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  JSON.stringify(card, (_k, v) => {
    if (v && typeof v === 'object' && typeof v.type === 'string' && v.type.startsWith('Input.')) values[v.id] = v.value ?? '';
    return v;
  });
  return { ...values, ...changes };
}

/** The channel choices a compose card offers: [title, value]. */
export function channelChoices(card: any): [string, string][] {
  let found: [string, string][] = [];
  JSON.stringify(card, (_k, v) => {
    if (v && typeof v === 'object' && v.id === 'channel' && Array.isArray(v.choices)) found = v.choices.map((c: any) => [c.title, c.value]);
    return v;
  });
  return found;
}

/** Every action on a card: [title, verb or data.action, data]. */
export function actionsOf(card: any): { title: string; verb?: string; data: any }[] {
  const found: { title: string; verb?: string; data: any }[] = [];
  JSON.stringify(card, (k, v) => {
    // A fallback repeats its Action.Execute for older clients.
    if (k !== 'fallback' && v && typeof v === 'object' && (v.type === 'Action.Execute' || v.type === 'Action.Submit')) {
      found.push({ title: v.title, verb: v.verb ?? v.data?.action, data: v.data });
    }
    return v;
  });
  return found;
}
