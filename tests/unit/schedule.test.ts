import { dueAt, firstWeek, isDue, isoWeek, perspectiveOfWeek, zonedInstant } from '../../bot/weekly/schedule';
import { parseRotation } from '../../bot/weekly/draft';

describe('weekly schedule', () => {
  it('numbers ISO weeks across year ends', () => {
    expect(isoWeek(new Date('2026-11-27T12:00:00Z')).key).toBe('2026-W48');
    expect(isoWeek(new Date('2027-01-01T12:00:00Z')).key).toBe('2026-W53');
    expect(isoWeek(new Date('2024-12-30T12:00:00Z')).key).toBe('2025-W01');
    // Sunday 23:30 UTC is already Monday in Copenhagen.
    expect(isoWeek(new Date('2026-11-29T23:30:00Z')).key).toBe('2026-W49');
  });

  it('finds the Copenhagen wall-clock time in summer and winter time', () => {
    expect(zonedInstant(2026, 7, 6, 9, 0).toISOString()).toBe('2026-07-06T07:00:00.000Z');
    expect(zonedInstant(2026, 12, 7, 9, 0).toISOString()).toBe('2026-12-07T08:00:00.000Z');
    // The Monday after the switch to summer time (29 March 2026).
    expect(dueAt(new Date('2026-03-31T10:00:00Z'), 1, '09:00').toISOString()).toBe('2026-03-30T07:00:00.000Z');
    expect(dueAt(new Date('2026-03-25T10:00:00Z'), 1, '09:00').toISOString()).toBe('2026-03-23T08:00:00.000Z');
  });

  it('is due once the time has come, once per week, not in skipped weeks or when paused', () => {
    const sub = { weekday: 1, time: '09:00', skipWeeks: [] as number[], paused: false };
    expect(isDue(sub, new Date('2026-11-30T07:59:00Z')).due).toBe(false);
    expect(isDue(sub, new Date('2026-11-30T08:00:00Z')).due).toBe(true);
    expect(isDue({ ...sub, lastPostedWeek: '2026-W49' }, new Date('2026-12-03T08:00:00Z')).due).toBe(false);
    expect(isDue({ ...sub, skipWeeks: [49] }, new Date('2026-12-01T08:00:00Z')).due).toBe(false);
    expect(isDue({ ...sub, paused: true }, new Date('2026-12-01T08:00:00Z')).due).toBe(false);
    // Missed on Monday (server down): goes out on Wednesday, the same week.
    expect(isDue({ ...sub, lastPostedWeek: '2026-W48' }, new Date('2026-12-02T10:00:00Z'))).toMatchObject({
      due: true,
      week: { key: '2026-W49' },
    });
  });

  it('rotates through the four perspectives, week by week', () => {
    const weeks = [0, 1, 2, 3, 4].map((w) => perspectiveOfWeek(isoWeek(new Date(Date.UTC(2026, 10, 30 + 7 * w, 12)))));
    expect(new Set(weeks.slice(0, 4)).size).toBe(4);
    expect(weeks[4]).toBe(weeks[0]);
  });

  it('reads a rotation order a leader writes, and falls back to the charter order', () => {
    expect(parseRotation('velfærd, driften, robust organisation')).toEqual(['velfaerd', 'driften', 'robust']);
    expect(parseRotation('Emergens → Compliance')).toEqual(['velfaerd', 'driften']);
    expect(parseRotation('')).toEqual(['driften', 'resultaterne', 'velfaerd', 'robust']);
    expect(parseRotation('bananer')).toEqual(['driften', 'resultaterne', 'velfaerd', 'robust']);
  });

  it.each([
    ['Monday 08:30, for Monday 09:00', '2026-11-30T07:30:00Z', 1, false, '2026-W49'],
    ['Monday 09:30, for Monday 09:00', '2026-11-30T08:30:00Z', 1, false, '2026-W50'],
    ['Monday 09:30, for Monday 09:00, this week too', '2026-11-30T08:30:00Z', 1, true, '2026-W49'],
    ['Wednesday, for Friday', '2026-12-02T12:00:00Z', 5, false, '2026-W49'],
    ['Sunday 23:30 before the switch to summer time', '2026-03-22T22:30:00Z', 1, false, '2026-W13'],
    ['the last Sunday of 2026', '2027-01-03T12:00:00Z', 1, false, '2027-W01'],
  ])('a schedule saved %s starts in the right week', (_name, now, weekday, alsoThisWeek, week) => {
    expect(firstWeek(new Date(now), weekday, '09:00', alsoThisWeek)).toBe(week);
  });

  it('never posts before the week a schedule starts in', () => {
    const sub = { weekday: 1, time: '09:00', skipWeeks: [] as number[], paused: false, from: '2026-W50' };
    expect(isDue(sub, new Date('2026-12-02T10:00:00Z')).due).toBe(false);
    expect(isDue(sub, new Date('2026-12-07T08:00:00Z')).due).toBe(true);
  });
});
