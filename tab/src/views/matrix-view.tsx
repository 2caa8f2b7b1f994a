import { useEffect, useState, type KeyboardEvent } from 'react';
import { Button } from '@fluentui/react-components';
import { matrix, type PerspectiveId, type RowId } from '../../../data/charter';
import { useShared } from '../shared';
import { useNarrow } from '../use-theme';
import { TabStrip } from '../ui/tab-strip';
import { upperFirst } from '../ui/text';
import { storedPerspective, storePerspective } from '../view-state';
import { CellActions, Statements } from './statements';

type Only = { row: RowId } | { perspective: PerspectiveId } | undefined;

/**
 * All 92 statements: perspectives as columns, ALLE and the five roles as rows.
 * A grid for the keyboard: one tab stop, arrows move between headers and cells
 * (roving tabindex), Enter reaches a cell's actions. A header opens focus mode:
 * that row or column alone. On a phone, one perspective at a time.
 */
export function MatrixView({ focus }: { focus?: { row: RowId; perspective: PerspectiveId } }) {
  const { t, myRole } = useShared();
  const narrow = useNarrow();
  const m = matrix();
  // The switcher's choice holds until another deep link moves the focus.
  const focusKey = focus ? `${focus.row}/${focus.perspective}` : '';
  const [picked, setPicked] = useState<{ focusKey: string; perspective: PerspectiveId }>();
  const shown = picked?.focusKey === focusKey ? picked.perspective : (focus?.perspective ?? storedPerspective() ?? 'driften');
  const setShown = (perspective: PerspectiveId) => {
    storePerspective(perspective);
    setPicked({ focusKey, perspective });
  };
  // Focus mode and the grid's current cell hold until another deep link moves the focus.
  const [mode, setMode] = useState<{ focusKey: string; only: Only }>();
  const only = mode?.focusKey === focusKey ? mode.only : undefined;
  const setOnly = (o: Only) => setMode({ focusKey, only: o });
  const [moved, setMoved] = useState<{ focusKey: string; at: [number, number] }>();
  const [focusRow, focusPerspective] = [focus?.row, focus?.perspective];
  useEffect(() => {
    if (!focusRow || !focusPerspective) return;
    // The cell scrolls into view inside <main>, the one scroll area: header and tabs stay.
    // On a phone its role heads it and a cell can be taller than the screen: both from the top.
    const cell = document.getElementById(`cell-${focusRow}-${focusPerspective}`);
    (narrow ? cell?.parentElement : cell)?.scrollIntoView({ block: narrow ? 'start' : 'center', inline: 'nearest' });
    cell?.focus({ preventScroll: true });
  }, [focusRow, focusPerspective, narrow]);

  const columns = m.perspectives.filter((p) => (narrow ? p.id === shown : !only || !('perspective' in only) || only.perspective === p.id));
  const rows = m.rows.filter(({ row }) => !only || !('row' in only) || only.row === row.id);
  const focusedId = focus && `cell-${focus.row}-${focus.perspective}`;
  const linked: [number, number] = focus
    ? [rows.findIndex((x) => x.row.id === focus.row) + 1, columns.findIndex((p) => p.id === focus.perspective) + 1]
    : [1, 1];
  const active = moved?.focusKey === focusKey ? moved.at : linked;
  const setActive = (at: [number, number]) => setMoved({ focusKey, at });
  // The one tab stop; back to the first cell when focus mode hides it.
  const [ar, ac] = active[0] >= 1 && active[0] <= rows.length && active[1] <= columns.length ? active : [1, 1];
  const isActive = (r: number, c: number) => ar === r && ac === c;
  const tabStop = (r: number, c: number) => (isActive(r, c) ? 0 : -1);

  const onKeyDown = (e: KeyboardEvent<HTMLTableElement>) => {
    const from = (e.target as HTMLElement).closest<HTMLElement>('[data-grid]');
    if (!from) return;
    const [r, c] = from.dataset.grid!.split(',').map(Number);
    if (e.key === 'Enter' && from.tagName === 'TD') {
      from.querySelector<HTMLElement>('button')?.focus();
      e.preventDefault();
      return;
    }
    const moves: Record<string, [number, number]> = {
      ArrowUp: [r - 1, c],
      ArrowDown: [r + 1, c],
      ArrowLeft: [r, c - 1],
      ArrowRight: [r, c + 1],
      Home: [r, 0],
      End: [r, columns.length],
    };
    const to = moves[e.key];
    if (!to || (e.target as HTMLElement) !== from) return;
    const el = e.currentTarget.querySelector<HTMLElement>(`[data-grid="${to[0]},${to[1]}"]`);
    if (!el) return;
    e.preventDefault();
    setActive(to);
    el.focus();
  };

  return (
    <section aria-labelledby="matrix-title" className={`matrix-view${narrow ? ' narrow' : ''}`}>
      <div className="view-head">
        <h2 id="matrix-title" tabIndex={-1}>
          {t.nav.matrix}
        </h2>
        {only && (
          <Button size="small" appearance="primary" onClick={() => setOnly(undefined)}>
            {t.showAll}
          </Button>
        )}
      </div>
      {narrow && (
        <TabStrip
          testId="perspective-switcher"
          className="switcher"
          label={t.choosePerspective}
          selected={shown}
          onSelect={setShown}
          small
          items={m.perspectives.map((p) => ({ value: p.id, label: upperFirst(p.heading), className: `p-${p.id}` }))}
        />
      )}
      <table className="matrix" role="grid" aria-labelledby="matrix-title" onKeyDown={onKeyDown}>
        <caption className="visually-hidden">{t.subtitle}</caption>
        <thead>
          <tr>
            <th scope="col" className="corner">
              {t.rowHeader}
            </th>
            {columns.map((p, i) => (
              <th key={p.id} scope="col" className={`p-${p.id}`}>
                <button
                  type="button"
                  className="head-button"
                  data-grid={`0,${i + 1}`}
                  tabIndex={tabStop(0, i + 1)}
                  aria-pressed={!!only && 'perspective' in only}
                  title={t.focusColumn(p.title)}
                  onClick={() => !narrow && setOnly(only && 'perspective' in only ? undefined : { perspective: p.id })}
                >
                  <span className="p-title">{p.title}</span>
                  <span className="p-synthese">{p.syntheseName}</span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ row, cells }, ri) => {
            const mine = row.id === myRole;
            const name = row.id === 'alle' ? t.everyone : row.name;
            return (
              <tr key={row.id} className={mine ? 'mine' : undefined} aria-current={mine ? 'true' : undefined}>
                <th scope="row">
                  <button
                    type="button"
                    className="head-button"
                    data-grid={`${ri + 1},0`}
                    tabIndex={tabStop(ri + 1, 0)}
                    aria-pressed={!!only && 'row' in only}
                    title={t.focusRow(name)}
                    onClick={() => setOnly(only && 'row' in only ? undefined : { row: row.id })}
                  >
                    {name}
                  </button>
                  {mine && <span className="badge">{t.myRole}</span>}
                </th>
                {columns.map((p, ci) => {
                  const id = `cell-${row.id}-${p.id}`;
                  const focused = id === focusedId;
                  const current = isActive(ri + 1, ci + 1);
                  return (
                    <td
                      key={p.id}
                      id={id}
                      data-grid={`${ri + 1},${ci + 1}`}
                      tabIndex={tabStop(ri + 1, ci + 1)}
                      onFocus={(e) => e.target === e.currentTarget && setActive([ri + 1, ci + 1])}
                      className={`p-${p.id}${focused ? ' focused' : ''}`}
                    >
                      <Statements list={cells[m.perspectives.indexOf(p)]} />
                      <CellActions row={row.id} perspective={p.id} label={`${name} · ${p.title}`} tabbable={current} />
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
