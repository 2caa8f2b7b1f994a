// Azure Blob Storage for several instances, straight on @azure/storage-blob.
// One blob per key (blob-names.ts), body {"key","value"}; conditions are the
// service's own If-Match / If-None-Match: *, so they hold across instances.
// It recovers by itself: nothing about the service is cached, the container
// is created when a write finds it missing, and a failure is only that
// operation's. Each operation is bounded (about 2 s): the SDK's retries are
// short and one abort signal covers the whole operation, because the SDK's
// per-try timeout is only a server-side hint and does not stop a hung socket.
import type { TokenCredential } from '@azure/identity';
import { BlobServiceClient, ContainerClient, type StoragePipelineOptions } from '@azure/storage-blob';
import type { Logger } from '../log';
import { blobName, blobPrefixes, HASHED_NAME, keyFromBlobName } from './blob-names';
import { errorCode, isNotFound, statusOf, translate } from './blob-errors';
import { StorageConflictError, StorageUnavailableError, type Entry, type KeyValueStore, type WriteCondition } from './store';

export const OP_TIMEOUT_MS = 2000;
// Two tries, 100 ms apart. tryTimeoutInMs only becomes the service's own `timeout` (whole seconds): 2 s, the operation bound.
const PIPELINE: StoragePipelineOptions = {
  retryOptions: { maxTries: 2, tryTimeoutInMs: 2000, retryDelayInMs: 100, maxRetryDelayInMs: 300 },
};

export interface BlobStoreOptions {
  readOnly?: boolean;
  /** Per operation; check() gets half. Tests that load Azurite with hundreds of parallel requests on two cores raise it. */
  timeoutMs?: number;
}

async function readBody(stream: NodeJS.ReadableStream | undefined): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream ?? []) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

export class BlobStore implements KeyValueStore {
  private readonly readOnly: boolean;
  private readonly timeoutMs: number;

  private constructor(
    private readonly container: ContainerClient,
    private readonly log: Logger,
    options: BlobStoreOptions,
  ) {
    this.readOnly = options.readOnly ?? false;
    this.timeoutMs = options.timeoutMs ?? OP_TIMEOUT_MS;
  }

  static fromConnectionString(connectionString: string, container: string, log: Logger, options: BlobStoreOptions = {}): BlobStore {
    const client = BlobServiceClient.fromConnectionString(connectionString, PIPELINE).getContainerClient(container);
    return new BlobStore(client, log, options);
  }

  /** With a managed identity (or any TokenCredential): no key anywhere. Contacts nothing until used. */
  static fromAccountUrl(
    accountUrl: string,
    container: string,
    credential: TokenCredential,
    log: Logger,
    options: BlobStoreOptions = {},
  ): BlobStore {
    const client = new ContainerClient(`${accountUrl.replace(/\/+$/, '')}/${container}`, credential, PIPELINE);
    return new BlobStore(client, log, options);
  }

  get<T = unknown>(key: string): Promise<Entry<T> | undefined> {
    return this.run('get', this.timeoutMs, async (abortSignal) => {
      const body = await this.download(blobName(key).name, abortSignal);
      if (!body) return undefined;
      const value = this.unwrap(body.text, key);
      return { value: value as T, etag: body.etag };
    });
  }

  put<T>(key: string, value: T, condition?: WriteCondition): Promise<string> {
    if (this.readOnly) return Promise.reject(new Error('Storage: this store was opened read-only; it cannot write.'));
    const json = JSON.stringify(value);
    if (json === undefined) return Promise.reject(new TypeError('Storage: a value must be JSON (not undefined or a function).'));
    const body = Buffer.from(`{"key":${JSON.stringify(key)},"value":${json}}`, 'utf8');
    const conditions = condition && 'ifMatch' in condition ? { ifMatch: condition.ifMatch } : condition ? { ifNoneMatch: '*' } : undefined;
    const blob = this.container.getBlockBlobClient(blobName(key).name);
    return this.run('put', this.timeoutMs, async (abortSignal) => {
      const upload = async () =>
        (
          await blob.upload(body, body.length, {
            conditions,
            abortSignal,
            blobHTTPHeaders: { blobContentType: 'application/json; charset=utf-8' },
          })
        ).etag ?? '';
      try {
        return await upload();
      } catch (err) {
        // If-Match on a blob that is not there: the version it names is gone, a conflict.
        if (isNotFound(err) && conditions?.ifMatch) throw new StorageConflictError();
        if (errorCode(err) !== 'ContainerNotFound') throw err;
        await this.createContainer(abortSignal);
        return await upload();
      }
    });
  }

  delete(key: string): Promise<void> {
    if (this.readOnly) return Promise.reject(new Error('Storage: this store was opened read-only; it cannot write.'));
    return this.run('delete', this.timeoutMs, async (abortSignal) => {
      await this.container
        .getBlobClient(blobName(key).name)
        .delete({ abortSignal })
        .catch((err) => {
          if (!isNotFound(err)) throw err;
        });
    });
  }

  list(prefix: string, options: { limit?: number } = {}): Promise<string[]> {
    return this.run('list', this.timeoutMs, async (abortSignal) => {
      const names = new Set<string>();
      try {
        for (const namePrefix of blobPrefixes(prefix)) {
          for await (const page of this.container.listBlobsFlat({ prefix: namePrefix, abortSignal }).byPage({ maxPageSize: 5000 })) {
            for (const item of page.segment.blobItems) names.add(item.name);
          }
        }
      } catch (err) {
        if (errorCode(err) === 'ContainerNotFound') return [];
        throw err;
      }
      const keys: string[] = [];
      for (const name of names) {
        const decoded = keyFromBlobName(name);
        const key = decoded === HASHED_NAME ? await this.keyInBlob(name, abortSignal) : decoded;
        if (key?.startsWith(prefix)) keys.push(key);
      }
      keys.sort();
      return options.limit === undefined ? keys : keys.slice(0, Math.max(0, options.limit));
    });
  }

  /** The container answers within half the operation bound, 1 s by default (a writer creates it if missing). */
  check(): Promise<void> {
    return this.run('check', this.timeoutMs / 2, async (abortSignal) => {
      try {
        await this.container.getProperties({ abortSignal });
      } catch (err) {
        if (errorCode(err) !== 'ContainerNotFound' || this.readOnly) throw err;
        await this.createContainer(abortSignal);
      }
    });
  }

  async close(): Promise<void> {
    // Nothing held: the SDK's sockets are pooled per process and time out on their own.
  }

  private async run<T>(op: string, timeoutMs: number, body: (abortSignal: AbortSignal) => Promise<T>): Promise<T> {
    try {
      return await body(AbortSignal.timeout(timeoutMs));
    } catch (err) {
      const mapped = translate(err, timeoutMs);
      if (mapped instanceof StorageUnavailableError) {
        this.log.warn('storage_unavailable', {
          backend: 'azure-blob',
          op,
          reason: mapped.message,
          status: statusOf(err),
          code: errorCode(err),
          error: (err as Error)?.name,
        });
      }
      throw mapped;
    }
  }

  private async createContainer(abortSignal: AbortSignal): Promise<void> {
    const created = await this.container.createIfNotExists({ abortSignal });
    if (created.succeeded) this.log.info('storage_container_created', { container: this.container.containerName });
  }

  private async download(name: string, abortSignal: AbortSignal): Promise<{ text: string; etag: string } | undefined> {
    try {
      const response = await this.container.getBlobClient(name).download(0, undefined, { abortSignal });
      return { text: await readBody(response.readableStreamBody), etag: response.etag ?? '' };
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }

  /** The value in a blob's body, which must be the record of `key`. */
  private unwrap(text: string, key: string): unknown {
    let body: { key?: unknown; value?: unknown };
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      body = {};
    }
    if (body?.key !== key || !('value' in body)) {
      this.log.error('storage_blob_unusable', { reason: body?.key === undefined ? 'not a storage record' : 'holds a different key' });
      throw new StorageUnavailableError('a stored item is unreadable');
    }
    return body.value;
  }

  private async keyInBlob(name: string, abortSignal: AbortSignal): Promise<string | undefined> {
    const body = await this.download(name, abortSignal);
    if (!body) return undefined;
    try {
      const key = (JSON.parse(body.text) as { key?: unknown }).key;
      return typeof key === 'string' && blobName(key).name === name ? key : undefined;
    } catch {
      return undefined;
    }
  }
}
