// Talking to the message extension over HTTP as Teams does: invokes named
// composeExtension/query and composeExtension/queryLink, answered in the
// HTTP response (no expectReplies), and reading what comes back.
import { cell, statement, type PerspectiveId, type RoleId, type RowId } from '../../data/charter';
import { QUERY_PARAMETER, SEARCH_COMMAND } from '../../bot/extension/respond';
import type { MockConnector } from './mock-connector';
import { messageActivity, post, type RunningServer } from './server';

/** The tab's address the test servers are configured with (TAB_ENDPOINT). */
export const TAB = 'https://hvidovrevejen.example.dk';
// Tables are built before the stand-in listens; its URL replaces this one as each invoke is sent.
const CONNECTOR = 'http://127.0.0.1:1/connector/';

/** An invoke as Teams sends it, in a group chat. */
export const invoke = (name: string, value: unknown, o: Record<string, unknown> = {}) =>
  messageActivity('', {
    type: 'invoke',
    name,
    text: undefined,
    value,
    serviceUrl: CONNECTOR,
    conversation: { id: '19:chat-with-colleagues@thread.v2', conversationType: 'groupChat', tenantId: 'tenant-1' },
    ...o,
  });

/** A search's value: the typed words, or Teams' initial run when `q` is undefined. */
export const searchValue = (q: string | undefined) => ({
  commandId: SEARCH_COMMAND,
  parameters: q === undefined ? [{ name: 'initialRun', value: 'true' }] : [{ name: QUERY_PARAMETER, value: q }],
  queryOptions: { skip: 0, count: 25 },
});

export interface SearchResult {
  status: number;
  json: any;
  type?: string;
  layout?: string;
  ids: string[];
  cards: any[];
  previews: { title: string; text: string }[];
}

function walk(n: any, visit: (o: any) => void): void {
  if (Array.isArray(n)) n.forEach((x) => walk(x, visit));
  else if (n && typeof n === 'object') {
    visit(n);
    Object.values(n).forEach((x) => walk(x, visit));
  }
}

/** The statement ids a card quotes, in order. */
export function statementIds(card: any): string[] {
  const out: string[] = [];
  walk(card, (o) => typeof o.id === 'string' && o.id.startsWith('x:') && out.push(o.id.slice(2)));
  return out;
}

/** Quoted statements that are not the charter's text verbatim (a bullet only in front of a list). */
export function misquoted(card: any): string[] {
  const bad: string[] = [];
  walk(card, (o) => {
    if (typeof o.id !== 'string' || !o.id.startsWith('x:')) return;
    const text = statement(o.id.slice(2))?.text;
    if (o.text !== text && o.text !== `• ${text}`) bad.push(o.id);
  });
  return bad;
}

/** A cell's statement ids, in the charter's order. */
export const ids = (row: RowId, p: PerspectiveId) => cell(row, p).map((s) => s.id);

let users = 0;
/** A fresh person each time, so no test sees another's role. */
export const newUser = () => {
  users += 1;
  return { id: `29:mx-${users}`, name: `Bruger ${users}`, aadObjectId: `00000000-0000-0000-0001-${String(users).padStart(12, '0')}` };
};

/** Sends and reads invokes for one server and Bot Connector stand-in (read when called, after they start). */
export function extensionClient(server: () => RunningServer, connector: () => MockConnector) {
  const send = (body: unknown, url = server().url) => post(url, JSON.stringify(body).replaceAll(CONNECTOR, connector().url));
  return {
    send,
    search: async (q: string | undefined, o: Record<string, unknown> = {}): Promise<SearchResult> => {
      const res = await send(invoke('composeExtension/query', searchValue(q), o));
      const ce = res.json?.composeExtension;
      const attachments: any[] = ce?.attachments ?? [];
      const cards = attachments.map((a) => a.content);
      return {
        status: res.status,
        json: res.json,
        type: ce?.type,
        layout: ce?.attachmentLayout,
        cards,
        ids: cards.flatMap(statementIds),
        previews: attachments.map((a) => a.preview?.content),
      };
    },
    link: (url: string, o: Record<string, unknown> = {}) => send(invoke('composeExtension/queryLink', { url }, o)),
    /** Stores a role as the role picker's button does, in the person's own chat. */
    storeRole: async (user: ReturnType<typeof newUser>, role: RoleId): Promise<number> => {
      const res = await send(
        messageActivity('', {
          text: undefined,
          value: { action: 'setRole', role },
          from: user,
          serviceUrl: CONNECTOR,
          deliveryMode: 'expectReplies',
          conversation: { id: `a:personal-${user.id}`, conversationType: 'personal', tenantId: 'tenant-1' },
        }),
      );
      return res.status;
    },
  };
}
