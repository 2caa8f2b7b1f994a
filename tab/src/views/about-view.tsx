import { charter } from '../../../data/charter';
import { useShared } from '../shared';

/** The foreword, the values, the reading guide and Den Nye Syntese, as the charter has them. */
export function AboutView() {
  const { t } = useShared();
  const f = charter.foreword;
  const n = charter.newSynthesis;
  return (
    <section aria-labelledby="about-title" className="prose">
      <h2 id="about-title" tabIndex={-1}>
        {t.nav.about}
      </h2>
      <p className="lead">{charter.title}</p>
      {f.paragraphs.map((p, i) => (
        <p key={i} className={i === f.valuesParagraph ? 'values' : undefined}>
          {p}
        </p>
      ))}
      <p className="signed">
        {t.signed}: {f.signatories.map((s) => `${s.name} (${s.title})`).join(', ')}
      </p>
      <h3>{t.values}</h3>
      <ul className="value-list">
        {f.values.map((v) => (
          <li key={v}>{v}</li>
        ))}
      </ul>
      <h3>{charter.readingGuide.title}</h3>
      {charter.readingGuide.paragraphs.map((p, i) => (
        <p key={i}>{p}</p>
      ))}
      <h3>{charter.introduction.title}</h3>
      {charter.introduction.paragraphs.map((p, i) => (
        <p key={i}>{p}</p>
      ))}
      <ul>
        {charter.introduction.list!.map((l) => (
          <li key={l}>{l}</li>
        ))}
      </ul>
      <h3>{n.title}</h3>
      {n.paragraphs.slice(0, 4).map((p, i) => (
        <p key={i}>{p}</p>
      ))}
      <ul>
        {n.list!.map((l) => (
          <li key={l}>{l}</li>
        ))}
      </ul>
      {n.paragraphs.slice(4).map((p, i) => (
        <p key={i}>{p}</p>
      ))}
      <p className="book">
        {n.book.prompt} {n.book.lead} <cite>{n.book.citation}</cite>
      </p>
    </section>
  );
}
