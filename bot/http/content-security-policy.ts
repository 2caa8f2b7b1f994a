// The tab's Content Security Policy. Everything comes from our own origin;
// the one exception to "no inline code" is Fluent UI's run-time CSS (Griffel
// writes <style> elements), allowed by a nonce that is new for every HTML
// response and that the page hands to Griffel (tab/src/renderer.ts).
import { randomBytes } from 'node:crypto';

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

// teams-js 2.58 fetches Microsoft's current list of Teams host origins from
// this one file as soon as it loads (src/internal/validOrigins.js), and falls
// back to the list it bundles when that fails. Some hosts frame-ancestors
// admits (e.g. other *.office.com hosts) are only on the current list, so the
// file is allowed — by its full path, not the whole CDN.
export const TEAMS_JS_VALID_ORIGINS_URL = 'https://res.cdn.office.net/teams-js/validDomains/json/validDomains.json';

/** What vite writes where the nonce goes (tab/vite.config.ts: html.cspNonce); replaced per response. */
export const NONCE_PLACEHOLDER = 'CSP_NONCE_PLACEHOLDER_5f1c0e';

/** 128 random bits, base64: unguessable, and always 24 characters, so HEAD and GET lengths agree. */
export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

/**
 * The policy for everything under /tab/. With a nonce (HTML pages) styles may
 * also come from <style> elements carrying it; without (assets, JSON, errors)
 * only from our own files.
 */
export function tabPolicy(nonce?: string): string {
  const directives: [string, string[]][] = [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'"]],
    ['style-src', ["'self'", ...(nonce ? [`'nonce-${nonce}'`] : [])]],
    ['connect-src', ["'self'", TEAMS_JS_VALID_ORIGINS_URL]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'none'"]],
    ['frame-ancestors', FRAME_ANCESTORS],
  ];
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}

/**
 * The tab needs no Referer (the server reads none). Cross-origin requests
 * (Share to Teams, teams-js's list) get our origin only, never path or query;
 * the browsers' default, stated so no client with a laxer one sends more.
 */
export const REFERRER_POLICY = 'strict-origin-when-cross-origin';
