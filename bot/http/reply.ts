// Our own response bodies: `{code, message}` with a short reason that never
// carries a stack, the request body or a dependency's error text.
import type { Response } from 'restify';

export interface Refusal {
  status: number;
  code: string;
  message: string;
  /** Extra fields (an invoke error's statusCode/type/value) and headers. */
  body?: Record<string, unknown>;
  headers?: Record<string, string>;
}

export const CODES: Record<number, string> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  408: 'RequestTimeout',
  413: 'PayloadTooLarge',
  415: 'UnsupportedMediaType',
  500: 'InternalError',
  503: 'ServiceUnavailable',
};

export const refusal = (status: number, message: string, extra: Partial<Refusal> = {}): Refusal => ({
  status,
  code: CODES[status] ?? 'Error',
  message,
  ...extra,
});

export function sendJson(res: Response, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent) return;
  const text = body === undefined ? '' : JSON.stringify(body);
  res.sendRaw(status, text, {
    ...(text && { 'Content-Type': 'application/json; charset=utf-8' }),
    'Content-Length': String(Buffer.byteLength(text)),
    'Cache-Control': 'no-store',
    ...headers,
  });
}

export function sendRefusal(res: Response, r: Refusal): void {
  sendJson(res, r.status, { code: r.code, message: r.message, ...r.body }, r.headers);
}
