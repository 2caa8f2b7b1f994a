// GET /readyz: can this instance serve? It asks the app (storage) with a
// deadline, and concurrent probes share one check, so a probe never takes
// much over a second and a flood of probes costs one storage call.
import type { Request, Response } from 'restify';
import type { Logger } from '../log';
import { sendJson } from './reply';

export const READY_TIMEOUT_MS = 1000;

export function readinessRoute(ready: () => Promise<void>, log: Logger, timeoutMs = READY_TIMEOUT_MS) {
  let inflight: Promise<boolean> | undefined;
  const check = (): Promise<boolean> => {
    inflight ??= new Promise<boolean>((resolve) => {
      let settled = false;
      const settle = (ok: boolean, cause?: string) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (!ok) log.warn('not_ready', { reason: 'storage', cause });
        resolve(ok);
      };
      const timer = setTimeout(() => settle(false, 'timeout'), timeoutMs);
      Promise.resolve()
        .then(ready)
        .then(
          () => settle(true),
          (err: unknown) => settle(false, err instanceof Error ? err.name : 'error'),
        );
    }).finally(() => (inflight = undefined));
    return inflight;
  };
  return async (_req: Request, res: Response): Promise<void> => {
    const ok = await check();
    sendJson(res, ok ? 200 : 503, ok ? { status: 'ready' } : { status: 'unavailable', reason: 'storage' });
  };
}
