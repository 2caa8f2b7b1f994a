// Minimal structured logger: one JSON line per event. Callers pass counts,
// kinds and hashed ids (hashId), never message text or stored values.
import { createHash, randomBytes } from 'node:crypto';
import { types } from 'node:util';
import type { LogLevel } from './config';

export interface Logger {
  debug(event: string, fields?: Record<string, unknown>): void;
  info(event: string, fields?: Record<string, unknown>): void;
  warn(event: string, fields?: Record<string, unknown>): void;
  error(event: string, fields?: Record<string, unknown>): void;
}

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

export function createLogger(level: LogLevel, write: (line: string) => void = (l) => process.stdout.write(l + '\n')): Logger {
  const emit =
    (lvl: Exclude<LogLevel, 'silent'>) =>
    (event: string, fields: Record<string, unknown> = {}) => {
      if (ORDER[lvl] < ORDER[level]) return;
      write(JSON.stringify({ time: new Date().toISOString(), level: lvl, event, ...fields }));
    };
  return { debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error') };
}

/** Error details for the log; the user never sees these. */
export function errorFields(err: unknown): Record<string, unknown> {
  // isNativeError also knows errors made in another realm (node's own, under jest's vm).
  if (err instanceof Error || types.isNativeError(err)) return { error: err.name, message: err.message, stack: err.stack };
  return { error: String(err) };
}

// Random per process unless configured (LOG_ID_SALT), so a hash cannot be
// turned back into an id by hashing known ids; a shared salt lets instances correlate.
let salt = randomBytes(16).toString('hex');

export function setIdSalt(value: string): void {
  salt = value;
}

/** A stable pseudonym for an id (conversation, user) in the log: 12 hex characters. */
export function hashId(id: unknown): string | undefined {
  if (typeof id !== 'string' || !id) return undefined;
  return createHash('sha256').update(salt).update('\u0000').update(id).digest('hex').slice(0, 12);
}
