import { Select } from '@fluentui/react-components';
import { byRole, contributionHeading, isRowId, row as rowOf, rows, type RowId } from '../../../data/charter';
import { useShared } from '../shared';
import { CellActions, Statements } from './statements';

/** One role across the four perspectives, as on pp. 8–17. */
export function RoleView({ row }: { row: RowId }) {
  const { t, go } = useShared();
  const r = rowOf(row);
  return (
    <section aria-labelledby="role-title">
      <h2 id="role-title" tabIndex={-1}>
        {row === 'alle' ? t.everyone : r.name}
      </h2>
      <p className="intro">{t.roleIntro}</p>
      <label className="picker">
        <span>{t.chooseRole}</span>
        <Select value={row} onChange={(_e, d) => isRowId(d.value) && go({ view: 'role', row: d.value }, { focus: false })}>
          {rows().map((x) => (
            <option key={x.id} value={x.id}>
              {x.id === 'alle' ? t.everyone : x.name}
            </option>
          ))}
        </Select>
      </label>
      {byRole(row).map(({ perspective: p, statements }) => (
        <article key={p.id} className={`card p-${p.id}`} id={`cell-${row}-${p.id}`}>
          <h3>{row === 'alle' ? p.title : contributionHeading(row, p.id)}</h3>
          <p className="meta">
            {p.title} ({p.syntheseName}) · {t.matrixPages(String(statements[0].page))}
          </p>
          <Statements list={statements} />
          <CellActions row={row} perspective={p.id} label={`${r.name} · ${p.title}`} />
        </article>
      ))}
    </section>
  );
}
