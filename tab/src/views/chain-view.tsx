import { chain, perspective as perspectiveOf, perspectives, type PerspectiveId } from '../../../data/charter';
import { useShared } from '../shared';
import { TabStrip } from '../ui/tab-strip';
import { upperFirst } from '../ui/text';
import { CellActions, Statements } from './statements';

/** One perspective's chain, as on pp. 18–25: ALLE, then Direktion down to Medarbejder. */
export function ChainView({ perspective }: { perspective: PerspectiveId }) {
  const { t, go, myRole } = useShared();
  const p = perspectiveOf(perspective);
  return (
    <section aria-labelledby="chain-title" className={`p-${p.id}`}>
      <TabStrip
        label={t.choosePerspective}
        selected={perspective}
        onSelect={(id) => go({ view: 'perspective', perspective: id }, { focus: false })}
        small
        items={perspectives().map((x) => ({ value: x.id, label: upperFirst(x.heading), className: `p-${x.id}` }))}
      />
      <h2 id="chain-title" className="p-heading" tabIndex={-1}>
        {p.title} <span className="p-synthese">({p.syntheseName})</span>
      </h2>
      <p className="intro">{t.chainIntro}</p>
      {chain(perspective).map(({ row, statements }) => (
        <article key={row.id} className={`card p-${p.id}${row.id === myRole ? ' mine' : ''}`} id={`cell-${row.id}-${p.id}`}>
          <h3>
            {row.matrixLabel}
            {row.id === myRole && <span className="badge">{t.myRole}</span>}
          </h3>
          <p className="meta">{t.matrixPages(String(statements[0].matrixPage))}</p>
          <Statements list={statements} />
          <CellActions row={row.id} perspective={p.id} label={`${row.name} · ${p.title}`} />
        </article>
      ))}
    </section>
  );
}
