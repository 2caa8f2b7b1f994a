// What an Azure SDK failure means to the app: a lost condition
// (StorageConflictError) or an outage (StorageUnavailableError with a short
// reason). SDK messages hold URLs, and so blob names, and so keys: they are
// never copied, only the HTTP status and Azure's short error code.
import { RestError } from '@azure/storage-blob';
import { StorageConflictError, StorageUnavailableError } from './store';

const CONFLICT_CODES = new Set(['BlobAlreadyExists', 'ConditionNotMet']);

export const errorCode = (err: unknown): string | undefined => {
  const code = (err as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && /^[A-Za-z_]{1,40}$/.test(code) ? code : undefined;
};
export const statusOf = (err: unknown): number | undefined => (err instanceof RestError ? err.statusCode : undefined);
export const isNotFound = (err: unknown): boolean => statusOf(err) === 404;

/** The reason for an outage, short and free of dependency text; undefined for a conflict. */
function reasonFor(err: unknown, timeoutMs: number): string | undefined {
  const name = (err as { name?: unknown } | undefined)?.name;
  if (name === 'AbortError') return `no answer within ${timeoutMs} ms`;
  if (name === 'CredentialUnavailableError' || name === 'AuthenticationError' || name === 'AuthenticationRequiredError')
    return 'could not sign in to Azure Storage';
  if (!(err instanceof RestError)) return 'unexpected error';
  const status = err.statusCode;
  const code = errorCode(err);
  if (status === 412 || (status === 409 && code && CONFLICT_CODES.has(code))) return undefined;
  if (status === undefined) return `not reachable${code ? ` (${code})` : ''}`;
  if (status === 401 || status === 403) return `access denied (HTTP ${status})`;
  if (status >= 500) return `the service answered HTTP ${status}`;
  return `the request was refused (HTTP ${status}${code ? ` ${code}` : ''})`;
}

export function translate(err: unknown, timeoutMs: number): StorageConflictError | StorageUnavailableError {
  if (err instanceof StorageConflictError || err instanceof StorageUnavailableError) return err;
  const reason = reasonFor(err, timeoutMs);
  return reason === undefined ? new StorageConflictError() : new StorageUnavailableError(reason);
}
