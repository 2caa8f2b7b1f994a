// Stand-in for Microsoft's Bot Connector service, on loopback only. It
// records what the bot posts to serviceUrl and answers like the real one.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ConnectorCall {
  method: string;
  path: string;
  body: any;
}

export interface MockConnector {
  url: string;
  calls: ConnectorCall[];
  waitForCalls(n: number, timeoutMs?: number): Promise<ConnectorCall[]>;
  close(): Promise<void>;
}

export async function startMockConnector(): Promise<MockConnector> {
  const calls: ConnectorCall[] = [];
  const waiters: (() => void)[] = [];
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      calls.push({ method: req.method ?? '', path: req.url ?? '', body: raw ? JSON.parse(raw) : undefined });
      waiters.splice(0).forEach((w) => w());
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `activity-${calls.length}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    calls,
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
}
