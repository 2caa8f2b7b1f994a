// Checks an incoming body before botbuilder sees it: the adapter throws
// outside its own error handling on a body it cannot parse.
export type GuardResult = { ok: true } | { ok: false; reason: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function checkActivity(body: unknown): GuardResult {
  if (!isObject(body)) return { ok: false, reason: 'The body must be a JSON object (a Bot Framework activity).' };
  if (typeof body.type !== 'string' || !body.type.trim()) return { ok: false, reason: 'The activity must have a "type", e.g. "message".' };
  if (body.type.length > 64) return { ok: false, reason: 'The activity "type" is too long.' };
  if (!isObject(body.conversation) || typeof body.conversation.id !== 'string' || !body.conversation.id) {
    return { ok: false, reason: 'The activity must have "conversation.id".' };
  }
  if (typeof body.serviceUrl !== 'string' || !/^https?:\/\/[^\s]+$/i.test(body.serviceUrl)) {
    return { ok: false, reason: 'The activity must have an http(s) "serviceUrl".' };
  }
  if (body.text !== undefined && typeof body.text !== 'string') return { ok: false, reason: '"text" must be a string.' };
  if (body.from !== undefined && !isObject(body.from)) return { ok: false, reason: '"from" must be an object.' };
  for (const field of ['timestamp', 'localTimestamp', 'expiration'] as const) {
    if (body[field] !== undefined && (typeof body[field] !== 'string' || Number.isNaN(Date.parse(body[field] as string)))) {
      return { ok: false, reason: `"${field}" must be an ISO date string.` };
    }
  }
  return { ok: true };
}
