// GET and HEAD /tab/…: the tab's files from memory (static-files.ts), with
// the Content Security Policy (content-security-policy.ts) that lets Teams
// frame them and lets nothing else in.
import type { Request, Response } from 'restify';
import { newNonce, REFERRER_POLICY, tabPolicy } from './content-security-policy';
import { refusal, sendRefusal } from './reply';
import { chooseEncoding, matchesEtag, type StaticFile } from './static-files';

export { FRAME_ANCESTORS } from './content-security-policy';

/** For every /tab/ response that is not an HTML page (those get their own nonce). */
export const TAB_HEADERS = {
  'Content-Security-Policy': tabPolicy(),
  'Referrer-Policy': REFERRER_POLICY,
  'X-Content-Type-Options': 'nosniff',
};

/** The file a /tab/… path names, or why it names none. */
function relativePath(pathname: string): { ok: true; rel: string } | { ok: false; status: 400 | 404 } {
  let rel: string;
  try {
    rel = decodeURIComponent(pathname.replace(/^\/tab\/?/, ''));
  } catch {
    return { ok: false, status: 400 };
  }
  if (rel.split('/').some((seg) => seg === '..' || seg === '.') || /[\\\0]/.test(rel)) return { ok: false, status: 400 };
  return { ok: true, rel: rel === '' || rel.endsWith('/') ? `${rel}index.html` : rel };
}

export function tabRoute(files: Map<string, StaticFile>) {
  let warmed = false;
  return async (req: Request, res: Response): Promise<void> => {
    if (!warmed) {
      // The page's first request starts compressing everything; its scripts follow within milliseconds.
      warmed = true;
      for (const f of files.values()) void f.variants();
    }
    for (const [name, value] of Object.entries(TAB_HEADERS)) res.header(name, value);
    const where = relativePath(req.path());
    if (!where.ok) return sendRefusal(res, refusal(where.status, where.status === 400 ? 'The path is not allowed.' : 'No such file.'));
    const file = files.get(where.rel);
    if (!file) return sendRefusal(res, refusal(404, 'No such file.'));
    if (file.page) return sendPage(res, file.type, file.page);

    const variants = await file.variants();
    const encoding = chooseEncoding(req.headers['accept-encoding'], variants);
    const body = encoding === 'identity' ? file.identity : (variants[encoding] ?? file.identity);
    const headers: Record<string, string> = {
      'Content-Type': file.type,
      'Cache-Control': file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      ETag: encoding === 'identity' ? file.etag : file.etag.replace(/"$/, `-${encoding}"`),
      ...(file.compressible && { Vary: 'Accept-Encoding' }),
    };
    if (matchesEtag(req.headers['if-none-match'], file.etag)) {
      res.sendRaw(304, '', headers);
      return;
    }
    res.sendRaw(200, body, {
      ...headers,
      ...(encoding !== 'identity' && { 'Content-Encoding': encoding }),
      'Content-Length': String(body.length),
    });
  };
}

/**
 * An HTML page with a nonce of its own, in the header and in the page. It is
 * never stored (no-store) and has no ETag: a 304 would bring back a stored
 * page whose nonce no longer matches the policy, and a shared cache would hand
 * one nonce to many. The page is under 1 KB, so it goes uncompressed.
 */
function sendPage(res: Response, type: string, page: (nonce: string) => Buffer): void {
  const nonce = newNonce();
  const body = page(nonce);
  res.sendRaw(200, body, {
    'Content-Type': type,
    'Cache-Control': 'no-store',
    'Content-Security-Policy': tabPolicy(nonce),
    'Content-Length': String(body.length),
  });
}
