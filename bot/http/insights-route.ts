// GET /api/insights?from=YYYY-MM-DD&to=YYYY-MM-DD[&format=csv]: the owners'
// page. Only the people in ADMIN_IDS, as the SSO token names them (never
// anything the request says), get it; everyone else 403. The period is
// bounded (a year at most), and concurrent requests for the same period
// share one read.
import type { Request, Response } from 'restify';
import type { Insights } from '../../data/insights';
import type { Logger } from '../log';
import { insightsCsv } from '../state/insights-csv';
import { refusal, sendJson, sendRefusal } from './reply';
import { signedIn } from './sso-guard';
import type { SsoTokens } from './sso-token';

export const MAX_PERIOD_DAYS = 366;
const DEFAULT_DAYS = 30;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export interface InsightsDeps {
  tokens?: SsoTokens;
  adminIds: Set<string>;
  read: (from: string, to: string) => Promise<Insights>;
  now: () => Date;
  log: Logger;
}

const validDay = (d: string) => DAY.test(d) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);

/** The period asked for, or why it cannot be read. */
export function period(query: URLSearchParams, today: string): { from: string; to: string } | { problem: string } {
  const to = query.get('to') ?? today;
  const from =
    query.get('from') ??
    new Date(Date.parse(`${validDay(to) ? to : today}T00:00:00Z`) - (DEFAULT_DAYS - 1) * 86_400_000).toISOString().slice(0, 10);
  if (!validDay(from) || !validDay(to)) return { problem: 'The fields "from" and "to" must be dates (YYYY-MM-DD).' };
  const span = (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;
  if (span < 1) return { problem: 'The field "from" must not be after "to".' };
  if (span > MAX_PERIOD_DAYS) return { problem: `The period must be at most ${MAX_PERIOD_DAYS} days.` };
  return { from, to };
}

export function insightsRoute(d: InsightsDeps) {
  const inflight = new Map<string, Promise<Insights>>();
  return async (req: Request, res: Response): Promise<void> => {
    const person = await signedIn(d.tokens, req, res, d.log);
    if (!person) return;
    if (!d.adminIds.has(person.id)) {
      d.log.warn('http_rejected', { path: '/api/insights', status: 403, reason: 'not_admin' });
      return sendRefusal(res, refusal(403, 'Only the charter’s owners (ADMIN_IDS) may see this.'));
    }
    const query = new URL(req.url ?? '/', 'http://x').searchParams;
    const format = query.get('format') ?? 'json';
    if (format !== 'json' && format !== 'csv') return sendRefusal(res, refusal(400, 'The field "format" must be json or csv.'));
    const p = period(query, d.now().toISOString().slice(0, 10));
    if ('problem' in p) return sendRefusal(res, refusal(400, p.problem));
    const key = `${p.from}/${p.to}`;
    let reading = inflight.get(key);
    if (!reading) {
      reading = d.read(p.from, p.to).finally(() => inflight.delete(key));
      inflight.set(key, reading);
    }
    let insights: Insights;
    try {
      insights = await reading;
    } catch (err) {
      d.log.warn('insights_unavailable', { error: (err as Error)?.name });
      return sendRefusal(
        res,
        refusal(503, 'The figures cannot be read right now; try again shortly.', { headers: { 'Retry-After': '5' } }),
      );
    }
    if (format === 'json') return sendJson(res, 200, insights);
    const csv = insightsCsv(insights);
    res.sendRaw(200, csv, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="hvidovrevejen-indsigt-${p.from}-${p.to}.csv"`,
      'Content-Length': String(Buffer.byteLength(csv)),
      'Cache-Control': 'no-store',
    });
  };
}
