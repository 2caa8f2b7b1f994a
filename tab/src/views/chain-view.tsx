import { Tab, TabList } from '@fluentui/react-components';
import { chain, perspective as perspectiveOf, perspectives, type PerspectiveId } from '../../../data/charter';
import { useShared } from '../shared';
import { CellActions, Statements } from './statements';

/** One perspective's chain, as on pp. 18–25: ALLE, then Direktion down to Medarbejder. */
export function ChainView({ perspective }: { perspective: PerspectiveId }) {
  const { t, go, myRole } = useShared();
  const p = perspectiveOf(perspective);
  return (
    <section aria-labelledby="chain-title" className={`p-${p.id}`}>
      <TabList
        aria-label={t.choosePerspective}
        selectedValue={perspective}
        onTabSelect={(_e, d) => go({ view: 'perspective', perspective: d.value as PerspectiveId })}
        size="small"
      >
        {perspectives().map((x) => (
          <Tab key={x.id} value={x.id}>
            {x.heading}
          </Tab>
        ))}
      </TabList>
      <h2 id="chain-title" className="p-heading">
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
