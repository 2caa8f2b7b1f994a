// One way to recognise an eTag conflict, whichever backend raised it.
export class StorageConflictError extends Error {
  readonly statusCode = 412;
  constructor() {
    super('Storage: the item was changed by someone else (eTag conflict).');
    this.name = 'StorageConflictError';
  }
}

/** botbuilder's own stores say "eTag conflict"; the Azure SDK says 412. */
export function isConflict(err: unknown): boolean {
  if (err instanceof StorageConflictError) return true;
  const e = err as { statusCode?: number; message?: string } | undefined;
  return e?.statusCode === 412 || /eTag conflict/i.test(e?.message ?? '');
}
