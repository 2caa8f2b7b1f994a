// Stand-in for Microsoft's Bot Connector service, on loopback only. It
// records what the bot posts to serviceUrl and answers like the real one,
// including the roster: GET …/members/{userId} (404 for a non-member) and
// GET …/pagedmembers, per team or group chat.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ConnectorCall {
  method: string;
  path: string;
  body: any;
  /** What the stand-in answered: 200, or a scripted failure. */
  status: number;
  /** When the request arrived (ms since epoch). */
  at: number;
}

export interface Member {
  id: string;
  name: string;
  aadObjectId: string;
  givenName?: string;
}

export interface MockConnector {
  url: string;
  calls: ConnectorCall[];
  /** Answers the next POSTs with these statuses (and headers) instead of 200. */
  failNext(...responses: { status: number; headers?: Record<string, string>; path?: string }[]): void;
  /** Drops scripted failures not used yet. */
  clearFailures(): void;
  /** Members returned by GET …/pagedmembers where no roster is set. */
  members: Member[];
  /** Rosters by team or group chat id: GET …/{id}/members/{userId} answers 404 for anyone else. */
  rosters: Map<string, Member[]>;
  /** Holds each POST of an activity this long (ms) before answering: a kill can land mid-send. */
  postDelayMs: number | (() => number);
  waitForCalls(n: number, timeoutMs?: number): Promise<ConnectorCall[]>;
  /** Activities posted with a card (status 200) to one conversation. */
  posted(conversationId: string): ConnectorCall[];
  /** Text messages posted (status 200) to one conversation. */
  texts(conversationId: string): string[];
  close(): Promise<void>;
}

const json = (res: http.ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};

export async function startMockConnector(): Promise<MockConnector> {
  const calls: ConnectorCall[] = [];
  const waiters: (() => void)[] = [];
  const failures: { status: number; headers?: Record<string, string>; path?: string }[] = [];
  const members = [1, 2, 3].map((n) => ({
    id: `29:member-${n}`,
    name: `Medlem ${n}`,
    aadObjectId: `00000000-0000-0000-0000-00000000000${n}`,
  }));
  // Decided and recorded on arrival: a post that reached "Teams" counts even if the bot dies before the answer.
  const receive = (req: http.IncomingMessage, raw: string): ((res: http.ServerResponse) => void) => {
    const path = req.url ?? '';
    const at = req.method === 'POST' ? failures.findIndex((f) => !f.path || path.includes(f.path)) : -1;
    const failure = at >= 0 ? failures.splice(at, 1)[0] : undefined;
    const member = /^\/v3\/conversations\/([^/]+)\/members\/([^/?]+)/.exec(path);
    const paged = /^\/v3\/conversations\/([^/]+)\/pagedmembers/.exec(path);
    const roster = (id: string) => connector.rosters.get(decodeURIComponent(id));
    let status = failure?.status ?? 200;
    let respond: (res: http.ServerResponse) => void;
    if (req.method === 'GET' && member) {
      const userId = decodeURIComponent(member[2]);
      const found = roster(member[1])?.find((m) => m.id === userId || m.aadObjectId === userId);
      status = found ? 200 : 404;
      respond = (res) =>
        found
          ? json(res, 200, found)
          : json(res, 404, { error: { code: 'MemberNotFoundInConversation', message: 'The member is not in the conversation.' } });
    } else if (req.method === 'GET' && paged) {
      respond = (res) => json(res, 200, { members: roster(paged[1]) ?? connector.members });
    } else if (failure) {
      respond = (res) => {
        res.writeHead(failure.status, { 'content-type': 'application/json', ...failure.headers });
        res.end(JSON.stringify({ error: { code: 'Throttled', message: `status ${failure.status}` } }));
      };
    } else {
      const id = `activity-${calls.length + 1}`;
      respond = (res) => json(res, 200, { id });
    }
    calls.push({ method: req.method ?? '', path, body: raw ? JSON.parse(raw) : undefined, status, at: Date.now() });
    waiters.splice(0).forEach((w) => w());
    return respond;
  };
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const respond = receive(req, raw);
      const isPost = req.method === 'POST' && /\/activities/.test(req.url ?? '');
      const delay = !isPost ? 0 : typeof connector.postDelayMs === 'function' ? connector.postDelayMs() : connector.postDelayMs;
      if (delay > 0) setTimeout(() => !res.destroyed && respond(res), delay);
      else respond(res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const connector: MockConnector = {
    url: `http://127.0.0.1:${port}/`,
    calls,
    members,
    rosters: new Map(),
    postDelayMs: 0,
    failNext: (...r) => failures.push(...r),
    clearFailures: () => failures.splice(0),
    async waitForCalls(n, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (calls.length < n) {
        if (Date.now() > deadline) throw new Error(`connector got ${calls.length} calls, expected ${n}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 100);
        });
      }
      return calls;
    },
    posted: (conversationId) =>
      calls.filter(
        (c) =>
          c.method === 'POST' &&
          c.status === 200 &&
          c.path.startsWith(`/v3/conversations/${encodeURIComponent(conversationId)}/activities`) &&
          c.body?.attachments,
      ),
    texts: (conversationId) =>
      calls
        .filter(
          (c) =>
            c.method === 'POST' &&
            c.status === 200 &&
            c.path.startsWith(`/v3/conversations/${encodeURIComponent(conversationId)}/activities`),
        )
        .map((c) => c.body?.text)
        .filter((t): t is string => typeof t === 'string'),
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  return connector;
}
