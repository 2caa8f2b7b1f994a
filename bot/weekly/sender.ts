// Sends to Teams within its rate limits (7 messages a second per
// conversation, about 30 a second per app), and tells apart how a failed
// attempt ended. Only an attempt that certainly did not reach Teams
// (refused connection, 429, a token that could not be had) is tried again;
// one that may have reached it (timeout, connection cut, 5xx) stops the send
// as ambiguous, since a blind retry could post twice. Every attempt has a
// deadline and every wait a cap, so a send ends well inside the week's lease.
export interface SendOptions {
  perConversation: number;
  perApp: number;
  maxAttempts: number;
  baseDelayMs: number;
  /** Longest wait between attempts, Retry-After included. */
  maxWaitMs: number;
  /** Deadline of one attempt, from its start to Teams' answer. */
  attemptTimeoutMs: number;
  sleep(ms: number): Promise<void>;
  random(): number;
}

export type SendOutcome = 'sent' | 'failed' | 'ambiguous';

/** Tighter limits for one send: a post by hand answers a click, which Teams waits about 5 s for. */
export type SendLimits = Partial<Pick<SendOptions, 'maxAttempts' | 'attemptTimeoutMs' | 'maxWaitMs'>>;
export const BY_HAND: SendLimits = { maxAttempts: 2, attemptTimeoutMs: 4000, maxWaitMs: 1000 };

export interface SendResult<T> {
  ok: boolean;
  /** failed: Teams certainly has no post; ambiguous: it may have one. */
  outcome: SendOutcome;
  value?: T;
  attempts: number;
  error?: string;
  /** Ended by shutdown before an attempt; every earlier attempt certainly did not post. */
  stopped?: boolean;
}

export const DEFAULT_SEND: SendOptions = {
  perConversation: 7,
  perApp: 30,
  maxAttempts: 3,
  baseDelayMs: 1000,
  maxWaitMs: 10_000,
  attemptTimeoutMs: 10_000,
  sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
  random: Math.random,
};

/** The longest a send can take: every attempt to its deadline, every wait to its cap. */
export const worstCaseMs = (o: SendOptions) => o.maxAttempts * o.attemptTimeoutMs + (o.maxAttempts - 1) * o.maxWaitMs + 1000;

/**
 * How an attempt failed. notSent: it never reached Teams (safe to try again);
 * rejected: Teams refused it for good (4xx); ambiguous: it may have been posted.
 */
export class SendFailure extends Error {
  constructor(
    message: string,
    readonly kind: 'notSent' | 'rejected' | 'ambiguous',
    readonly status?: number,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'SendFailure';
  }
}

/** Retry-After as seconds or an HTTP date; undefined when absent or unreadable. */
export function readRetryAfter(raw: string | null | undefined, now = Date.now()): number | undefined {
  if (!raw) return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(raw);
  return Number.isFinite(at) ? Math.max(0, at - now) : undefined;
}

/** What an error thrown by an attempt means; anything unknown counts as ambiguous. */
function classify(e: unknown): SendFailure {
  if (e instanceof SendFailure) return e;
  const err = e as { statusCode?: unknown; message?: unknown };
  const status = typeof err?.statusCode === 'number' ? err.statusCode : undefined;
  const message = typeof err?.message === 'string' ? err.message : 'send failed';
  if (status === 429) return new SendFailure(message, 'notSent', status);
  if (status !== undefined && status >= 400 && status < 500) return new SendFailure(message, 'rejected', status);
  return new SendFailure(message, 'ambiguous', status);
}

class Timeout extends Error {}

export class PacedSender {
  private readonly sent = new Map<string, number[]>();
  private readonly all: number[] = [];

  constructor(
    private readonly o: SendOptions = DEFAULT_SEND,
    private readonly now: () => number = Date.now,
  ) {}

  get options(): SendOptions {
    return this.o;
  }

  /**
   * Runs `op` until it succeeds, fails for good, or may have posted. `op`
   * gets an abort signal for its deadline; `stop` (shutdown) ends the send
   * before its next attempt, as not sent.
   */
  async send<T>(
    conversationId: string,
    op: (deadline: AbortSignal) => Promise<T>,
    stop?: AbortSignal,
    limits: SendLimits = {},
  ): Promise<SendResult<T>> {
    const o = { ...this.o, ...limits };
    for (let attempt = 1; ; attempt++) {
      if (stop?.aborted)
        return { ok: false, outcome: 'failed', attempts: attempt - 1, error: 'the server is shutting down', stopped: true };
      await this.pace(conversationId);
      const failure = await this.attempt(op, o.attemptTimeoutMs).then(
        (value) => ({ value }),
        (e: unknown) => ({ error: classify(e) }),
      );
      if ('value' in failure) return { ok: true, outcome: 'sent', value: failure.value, attempts: attempt };
      const err = failure.error;
      const error = `${err.status ?? (err.kind === 'ambiguous' ? 'no answer' : 'network')}: ${err.message}`;
      if (err.kind === 'ambiguous') return { ok: false, outcome: 'ambiguous', attempts: attempt, error };
      if (err.kind === 'rejected' || attempt >= o.maxAttempts) return { ok: false, outcome: 'failed', attempts: attempt, error };
      const backoff = o.baseDelayMs * 2 ** (attempt - 1) * (1 + o.random());
      await o.sleep(Math.min(o.maxWaitMs, err.retryAfterMs ?? backoff));
    }
  }

  /** One attempt within its deadline; an op that ignores its signal still ends (as ambiguous). */
  private async attempt<T>(op: (deadline: AbortSignal) => Promise<T>, timeoutMs: number): Promise<T> {
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => {
        controller.abort(new Timeout(`no answer within ${timeoutMs} ms`));
        // A grace period lets the op report what it knows (e.g. that nothing was sent yet).
        setTimeout(() => reject(new SendFailure(`no answer within ${timeoutMs} ms`, 'ambiguous')), 250).unref();
      }, timeoutMs);
      timer.unref();
    });
    try {
      return await Promise.race([op(controller.signal), expired]);
    } finally {
      clearTimeout(timer);
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
