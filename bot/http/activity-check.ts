// Decides, before any turn runs, whether an activity may reach the bot: the
// schema (types and lengths of every field read), then where replies may go.
import Ajv, { type ErrorObject } from 'ajv';
import { ACTIVITY_TYPES, activitySchema, type IncomingActivity } from './activity-schema';
import { refusal, type Refusal } from './reply';

export type ActivityCheck =
  | { ok: true; activity: IncomingActivity; /** False for types the bot has no use for: acknowledged, not run. */ handled: boolean }
  | { ok: false; refusal: Refusal };

const validate = new Ajv({ allErrors: false, strict: true }).compile<IncomingActivity>(activitySchema);

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

/** True for http(s) URLs on this machine: the only place local mode may post replies. */
export function isLoopbackUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return (u.protocol === 'http:' || u.protocol === 'https:') && LOOPBACK.test(u.hostname);
  } catch {
    return false;
  }
}

/** "/entities/0/mentioned must have required property 'id'": where, and what, never the value. */
function reason(error: ErrorObject | undefined): string {
  if (!error) return 'Invalid activity.';
  const where = error.instancePath || '/';
  const params = error.params as { allowedValue?: unknown; allowedValues?: unknown[] };
  const allowed =
    error.keyword === 'const'
      ? ` "${String(params.allowedValue)}"`
      : error.keyword === 'enum'
        ? `: ${(params.allowedValues ?? []).map((v) => `"${String(v)}"`).join(', ')}`
        : '';
  return `Invalid activity: ${where} ${error.message ?? 'is invalid'}${allowed}.`;
}

/** An invoke is answered with an invoke error body, which Teams shows on the card. */
const invokeError = (message: string) => ({
  statusCode: 400,
  type: 'application/vnd.microsoft.error',
  value: { code: 'BadRequest', message },
});

export function checkActivity(body: unknown, mode: { authenticated: boolean }): ActivityCheck {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, refusal: refusal(400, 'The body must be a JSON object (a Bot Framework activity).') };
  }
  const isInvoke = (body as { type?: unknown }).type === 'invoke';
  const refuse = (message: string): ActivityCheck => ({
    ok: false,
    refusal: refusal(400, message, isInvoke ? { body: invokeError(message) } : {}),
  });
  if (!validate(body)) return refuse(reason(validate.errors?.[0]));
  const activity = body;
  for (const field of ['timestamp', 'localTimestamp', 'expiration'] as const) {
    const v = activity[field];
    if (v !== undefined && Number.isNaN(Date.parse(v))) return refuse(`Invalid activity: /${field} is not a valid date.`);
  }
  if (mode.authenticated) {
    // The token's serviceurl claim is checked against it later; Teams only ever uses https.
    if (!activity.serviceUrl.startsWith('https://')) return refuse('Invalid activity: /serviceUrl must be an https URL.');
  } else if (!isLoopbackUrl(activity.serviceUrl)) {
    return refuse(
      'Invalid activity: /serviceUrl must be a loopback URL (http://localhost…, 127.x or [::1]) in local mode, which has no authentication.',
    );
  }
  return { ok: true, activity, handled: (ACTIVITY_TYPES as readonly string[]).includes(activity.type) };
}
