// Sends to Teams within its rate limits (7 messages a second per
// conversation, about 30 a second per app). The Bot Connector client already
// retries each send (3 times, honouring Retry-After on 429, exponential
// backoff with jitter on 5xx); this adds pacing and a bounded number of
// further attempts after it gives up, with the same rules.
export interface SendOptions {
  perConversation: number;
  perApp: number;
  maxAttempts: number;
  baseDelayMs: number;
  sleep(ms: number): Promise<void>;
  random(): number;
}

export interface SendResult<T> {
  ok: boolean;
  value?: T;
  attempts: number;
  error?: string;
}

export const DEFAULT_SEND: SendOptions = {
  perConversation: 7,
  perApp: 30,
  maxAttempts: 2,
  baseDelayMs: 1000,
  sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
  random: Math.random,
};

interface HttpError {
  statusCode?: number;
  message?: string;
  response?: { headers?: { get?(name: string): string | undefined } | Record<string, string> };
}

function retryAfterMs(err: HttpError): number | undefined {
  const h = err.response?.headers;
  const raw =
    h && typeof (h as { get?: unknown }).get === 'function'
      ? (h as { get(n: string): string | undefined }).get('retry-after')
      : (h as Record<string, string> | undefined)?.['retry-after'];
  if (!raw) return undefined;
  const seconds = Number(raw);
  return Number.isFinite(seconds) ? seconds * 1000 : Math.max(0, Date.parse(raw) - Date.now());
}

export class PacedSender {
  private readonly sent = new Map<string, number[]>();
  private readonly all: number[] = [];

  constructor(
    private readonly o: SendOptions = DEFAULT_SEND,
    private readonly now: () => number = Date.now,
  ) {}

  async send<T>(conversationId: string, op: () => Promise<T>): Promise<SendResult<T>> {
    for (let attempt = 1; ; attempt++) {
      await this.pace(conversationId);
      try {
        return { ok: true, value: await op(), attempts: attempt };
      } catch (e) {
        const err = e as HttpError;
        const status = err.statusCode ?? 0;
        const retryable = status === 429 || status >= 500 || status === 0;
        if (!retryable || attempt >= this.o.maxAttempts)
          return { ok: false, attempts: attempt, error: `${status || 'network'}: ${err.message ?? 'send failed'}` };
        const backoff = this.o.baseDelayMs * 2 ** (attempt - 1) * (1 + this.o.random());
        await this.o.sleep(status === 429 ? (retryAfterMs(err) ?? backoff) : backoff);
      }
    }
  }

  /** Waits until one more send fits both windows of one second. */
  private async pace(conversationId: string): Promise<void> {
    const mine = this.sent.get(conversationId) ?? [];
    for (;;) {
      const cutoff = this.now() - 1000;
      while (mine.length && mine[0] <= cutoff) mine.shift();
      while (this.all.length && this.all[0] <= cutoff) this.all.shift();
      const wait = Math.max(
        mine.length >= this.o.perConversation ? mine[0] + 1000 - this.now() : 0,
        this.all.length >= this.o.perApp ? this.all[0] + 1000 - this.now() : 0,
      );
      if (wait <= 0) break;
      await this.o.sleep(wait);
    }
    mine.push(this.now());
    this.all.push(this.now());
    this.sent.set(conversationId, mine);
  }
}
