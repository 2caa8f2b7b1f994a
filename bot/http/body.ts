// Reads a request body with a hard cost bound: the bytes are counted as they
// arrive and reading stops at the cap; nothing is ever decompressed; the JSON
// is parsed with our own error text, which never quotes the body.
import type { IncomingMessage } from 'node:http';
import { refusal, type Refusal } from './reply';

export const MAX_BODY_BYTES = 256 * 1024;
/** Deeper JSON than any activity has; bounds every later recursive walk. */
export const MAX_JSON_DEPTH = 32;
const READ_TIMEOUT_MS = 10_000;

export type Outcome<T> = { ok: true; value: T } | { ok: false; refusal: Refusal };

/** Headers alone decide these: checked before a byte of the body is read. */
export function checkHeaders(req: IncomingMessage): Refusal | undefined {
  const type = String(req.headers['content-type'] ?? '')
    .split(';')[0]
    .trim()
    .toLowerCase();
  if (type !== 'application/json' && !/^application\/[a-z0-9.+-]+\+json$/.test(type))
    return refusal(415, 'Content-Type must be application/json.');
  const encoding = String(req.headers['content-encoding'] ?? 'identity')
    .trim()
    .toLowerCase();
  // The Bot Connector does not compress requests; a compressed body is refused rather than inflated.
  if (encoding !== 'identity' && encoding !== '') return refusal(415, 'Content-Encoding is not supported; send the body uncompressed.');
  const length = Number(req.headers['content-length'] ?? 0);
  if (length > MAX_BODY_BYTES) return refusal(413, `The body exceeds ${MAX_BODY_BYTES} bytes.`);
  return undefined;
}

/** The body as text, or a refusal as soon as it is over the cap, too slow or not UTF-8. */
export function readBody(req: IncomingMessage, maxBytes = MAX_BODY_BYTES, timeoutMs = READ_TIMEOUT_MS): Promise<Outcome<string>> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (outcome: Outcome<string>) => {
      clearTimeout(timer);
      req.off('data', onData).off('end', onEnd).off('error', onError).off('aborted', onError);
      resolve(outcome);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) finish({ ok: false, refusal: refusal(413, `The body exceeds ${maxBytes} bytes.`) });
      else chunks.push(chunk);
    };
    const onEnd = () => {
      try {
        finish({ ok: true, value: new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks, size)) });
      } catch {
        finish({ ok: false, refusal: refusal(400, 'The body is not valid UTF-8.') });
      }
    };
    const onError = () => finish({ ok: false, refusal: refusal(400, 'The request was aborted.') });
    const timer = setTimeout(() => finish({ ok: false, refusal: refusal(408, 'The body took too long to arrive.') }), timeoutMs);
    req.on('data', onData).on('end', onEnd).on('error', onError).on('aborted', onError);
  });
}

/** JSON.parse with our own reason; also refuses absurd nesting and `__proto__` keys. */
export function parseJson(text: string): Outcome<unknown> {
  if (!text.trim()) return { ok: false, refusal: refusal(400, 'The body must be a JSON object (a Bot Framework activity).') };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // The parser's message quotes the body; ours does not.
    return { ok: false, refusal: refusal(400, 'The body is not valid JSON.') };
  }
  const problem = shapeProblem(value);
  return problem ? { ok: false, refusal: refusal(400, problem) } : { ok: true, value };
}

/** An iterative walk, so the check itself cannot overflow the stack. */
function shapeProblem(root: unknown): string | undefined {
  const stack: [unknown, number][] = [[root, 1]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    if (depth > MAX_JSON_DEPTH) return `The JSON is nested deeper than ${MAX_JSON_DEPTH} levels.`;
    if (Array.isArray(node)) {
      for (const v of node) stack.push([v, depth + 1]);
      continue;
    }
    for (const key of Object.keys(node)) {
      if (key === '__proto__') return 'The JSON has a "__proto__" key.';
      stack.push([(node as Record<string, unknown>)[key], depth + 1]);
    }
  }
  return undefined;
}
