import { useEffect, useState } from 'react';
import { Tab, TabList } from '@fluentui/react-components';
import { matrix, type PerspectiveId, type RowId } from '../../../data/charter';
import { useShared } from '../shared';
import { useNarrow } from '../use-theme';
import { CellActions, Statements } from './statements';

/** All 92 statements: perspectives as columns, ALLE and the five roles as rows. */
export function MatrixView({ focus }: { focus?: { row: RowId; perspective: PerspectiveId } }) {
  const { t, myRole } = useShared();
  const narrow = useNarrow();
  const m = matrix();
  // The switcher's choice holds until another deep link moves the focus.
  const focusKey = focus ? `${focus.row}/${focus.perspective}` : '';
  const [picked, setPicked] = useState<{ focusKey: string; perspective: PerspectiveId }>();
  const shown = picked?.focusKey === focusKey ? picked.perspective : (focus?.perspective ?? 'driften');
  const setShown = (perspective: PerspectiveId) => setPicked({ focusKey, perspective });
  const [focusRow, focusPerspective] = [focus?.row, focus?.perspective];
  useEffect(() => {
    if (!focusRow || !focusPerspective) return;
    const cell = document.getElementById(`cell-${focusRow}-${focusPerspective}`);
    cell?.scrollIntoView({ block: 'center' });
    cell?.focus({ preventScroll: true });
  }, [focusRow, focusPerspective]);
  const columns = narrow ? m.perspectives.filter((p) => p.id === shown) : m.perspectives;

  return (
    <section aria-labelledby="matrix-title">
      <h2 id="matrix-title">{t.nav.matrix}</h2>
      {narrow && (
        <TabList
          data-testid="perspective-switcher"
          aria-label={t.choosePerspective}
          selectedValue={shown}
          onTabSelect={(_e, d) => setShown(d.value as PerspectiveId)}
          size="small"
        >
          {m.perspectives.map((p) => (
            <Tab key={p.id} value={p.id} className={`p-${p.id}`}>
              {p.heading}
            </Tab>
          ))}
        </TabList>
      )}
      <div className="table-scroll">
        <table className="matrix">
          <caption className="visually-hidden">{t.subtitle}</caption>
          <thead>
            <tr>
              <th scope="col" className="corner">
                {t.rowHeader}
              </th>
              {columns.map((p) => (
                <th key={p.id} scope="col" className={`p-${p.id}`}>
                  <span className="p-title">{p.title}</span>
                  <span className="p-synthese">{p.syntheseName}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {m.rows.map(({ row, cells }) => {
              const mine = row.id === myRole;
              return (
                <tr key={row.id} className={mine ? 'mine' : undefined} aria-current={mine ? 'true' : undefined}>
                  <th scope="row">
                    {row.id === 'alle' ? t.everyone : row.name}
                    {mine && <span className="badge">{t.myRole}</span>}
                  </th>
                  {columns.map((p) => {
                    const focused = focus?.row === row.id && focus.perspective === p.id;
                    return (
                      <td key={p.id} id={`cell-${row.id}-${p.id}`} tabIndex={-1} className={`p-${p.id}${focused ? ' focused' : ''}`}>
                        <Statements list={cells[m.perspectives.indexOf(p)]} />
                        <CellActions row={row.id} perspective={p.id} label={`${row.name} · ${p.title}`} />
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
