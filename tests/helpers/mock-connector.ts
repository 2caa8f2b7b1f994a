// Stand-in for Microsoft's Bot Connector service, on loopback only. It
// records what the bot posts to serviceUrl and answers like the real one.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ConnectorCall {
  method: string;
  path: string;
  body: any;
  /** What the stand-in answered: 200, or a scripted failure. */
  status: number;
}

export interface MockConnector {
  url: string;
  calls: ConnectorCall[];
  /** Answers the next POSTs with these statuses (and headers) instead of 200. */
  failNext(...responses: { status: number; headers?: Record<string, string>; path?: string }[]): void;
  /** Drops scripted failures not used yet. */
  clearFailures(): void;
  /** Members returned by GET …/pagedmembers. */
  members: { id: string; name: string; aadObjectId: string }[];
  waitForCalls(n: number, timeoutMs?: number): Promise<ConnectorCall[]>;
  close(): Promise<void>;
}

export async function startMockConnector(): Promise<MockConnector> {
  const calls: ConnectorCall[] = [];
  const waiters: (() => void)[] = [];
  const failures: { status: number; headers?: Record<string, string>; path?: string }[] = [];
  const members = [1, 2, 3].map((n) => ({
    id: `29:member-${n}`,
    name: `Medlem ${n}`,
    aadObjectId: `00000000-0000-0000-0000-00000000000${n}`,
  }));
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const at = req.method === 'POST' ? failures.findIndex((f) => !f.path || (req.url ?? '').includes(f.path)) : -1;
      const failure = at >= 0 ? failures.splice(at, 1)[0] : undefined;
      calls.push({
        method: req.method ?? '',
        path: req.url ?? '',
        body: raw ? JSON.parse(raw) : undefined,
        status: failure?.status ?? 200,
      });
      waiters.splice(0).forEach((w) => w());
      if (req.method === 'GET' && /\/pagedmembers/.test(req.url ?? '')) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ members: connector.members }));
        return;
      }
      if (failure) {
        res.writeHead(failure.status, { 'content-type': 'application/json', ...failure.headers });
        res.end(JSON.stringify({ error: { code: 'Throttled', message: `status ${failure.status}` } }));
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `activity-${calls.length}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const connector: MockConnector = {
    url: `http://127.0.0.1:${port}/`,
    calls,
    members,
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
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  return connector;
}
