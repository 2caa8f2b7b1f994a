// When a weekly post is due: ISO weeks, a weekday and time in Europe/Copenhagen
// (daylight saving included), and the perspective rotation. Pure functions.
import { PERSPECTIVE_IDS, type PerspectiveId } from '../../data/charter';

export const TIME_ZONE = 'Europe/Copenhagen';
const DAY = 86_400_000;

export interface IsoWeek {
  year: number;
  week: number;
  /** "2026-W48": one post per channel per key. */
  key: string;
  /** Weeks since the ISO week of 1970-01-01, for the rotation. */
  index: number;
}

/** Wall-clock parts of an instant in a time zone. */
function zoned(date: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  })
    .formatToParts(date)
    .reduce<Record<string, number>>((acc, p) => (p.type === 'literal' ? acc : { ...acc, [p.type]: Number(p.value) }), {});
  return parts as { year: number; month: number; day: number; hour: number; minute: number; second: number };
}

/** The ISO week that contains this instant, as the time zone's calendar has it. */
export function isoWeek(date: Date, timeZone = TIME_ZONE): IsoWeek {
  const z = zoned(date, timeZone);
  const day = Date.UTC(z.year, z.month - 1, z.day);
  const weekday = (new Date(day).getUTCDay() + 6) % 7; // Monday 0
  const thursday = new Date(day + (3 - weekday) * DAY);
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / DAY / 7);
  const monday = day - weekday * DAY;
  const epochMonday = Date.UTC(1969, 11, 29);
  return { year, week, key: `${year}-W${String(week).padStart(2, '0')}`, index: Math.round((monday - epochMonday) / DAY / 7) };
}

/** The instant at which a wall-clock time in the zone occurs (two passes settle DST). */
export function zonedInstant(year: number, month: number, day: number, hour: number, minute: number, timeZone = TIME_ZONE): Date {
  let guess = Date.UTC(year, month - 1, day, hour, minute);
  for (let i = 0; i < 2; i++) {
    const z = zoned(new Date(guess), timeZone);
    const shown = Date.UTC(z.year, z.month - 1, z.day, z.hour, z.minute);
    guess += Date.UTC(year, month - 1, day, hour, minute) - shown;
  }
  return new Date(guess);
}

/** When this week's post is due: weekday 1 (Monday) … 7, "HH:MM" in the zone. */
export function dueAt(now: Date, weekday: number, time: string, timeZone = TIME_ZONE): Date {
  const z = zoned(now, timeZone);
  const today = Date.UTC(z.year, z.month - 1, z.day);
  const offset = weekday - 1 - ((new Date(today).getUTCDay() + 6) % 7);
  const d = new Date(today + offset * DAY);
  const [h, m] = time.split(':').map(Number);
  return zonedInstant(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), h, m, timeZone);
}

export const DEFAULT_ROTATION: readonly PerspectiveId[] = PERSPECTIVE_IDS;

/** The perspective of a week in a rotation. */
export const perspectiveOfWeek = (week: IsoWeek, rotation: readonly PerspectiveId[] = DEFAULT_ROTATION): PerspectiveId =>
  rotation[((week.index % rotation.length) + rotation.length) % rotation.length];

export interface Timing {
  weekday: number;
  time: string;
  skipWeeks: number[];
  paused: boolean;
  lastPostedWeek?: string;
  /** The first week it may post in ("2026-W50"); unset: any. */
  from?: string;
}

/**
 * Whether a subscription should post now: its time this week has come, it
 * has not posted this week, and the week is not skipped. A post missed while
 * the server was down goes out late the same week; earlier weeks are never
 * made up, so two weeks never go out at once. Week keys sort as text.
 */
export function isDue(sub: Timing, now: Date, timeZone = TIME_ZONE): { due: boolean; week: IsoWeek } {
  const week = isoWeek(now, timeZone);
  const due =
    !sub.paused &&
    sub.lastPostedWeek !== week.key &&
    (!sub.from || week.key >= sub.from) &&
    !sub.skipWeeks.includes(week.week) &&
    now >= dueAt(now, sub.weekday, sub.time, timeZone);
  return { due, week };
}

/**
 * The first week a schedule saved now posts in: this week if its slot is
 * still ahead (or the leader asks for this week too), else next week.
 */
export function firstWeek(now: Date, weekday: number, time: string, alsoThisWeek: boolean, timeZone = TIME_ZONE): string {
  if (alsoThisWeek || now < dueAt(now, weekday, time, timeZone)) return isoWeek(now, timeZone).key;
  // Next week's Thursday noon: a whole day from either end of the week, whatever daylight saving does.
  return isoWeek(new Date(dueAt(now, 4, '12:00', timeZone).getTime() + 7 * DAY), timeZone).key;
}

export const isValidTime = (t: string) => /^([01]\d|2[0-3]):[0-5]\d$/.test(t);
