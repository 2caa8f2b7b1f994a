// GET and HEAD /tab/…: the tab's files from memory (static-files.ts), with
// the headers Teams needs to frame them.
import type { Request, Response } from 'restify';
import { refusal, sendRefusal } from './reply';
import { chooseEncoding, matchesEtag, type StaticFile } from './static-files';

// Teams renders the tab in an iframe; only its hosts may frame it.
export const FRAME_ANCESTORS = [
  "'self'",
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.cloud.microsoft',
  'https://*.office.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://*.microsoft365.com',
];

export const TAB_HEADERS = {
  'Content-Security-Policy': `frame-ancestors ${FRAME_ANCESTORS.join(' ')}`,
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
    res.header('Content-Security-Policy', TAB_HEADERS['Content-Security-Policy']);
    res.header('X-Content-Type-Options', TAB_HEADERS['X-Content-Type-Options']);
    const where = relativePath(req.path());
    if (!where.ok) return sendRefusal(res, refusal(where.status, where.status === 400 ? 'The path is not allowed.' : 'No such file.'));
    const file = files.get(where.rel);
    if (!file) return sendRefusal(res, refusal(404, 'No such file.'));

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
