// Light charts for the owners' page: columns per day (SVG, drawn from the
// same numbers as the table beside it) and horizontal bars (HTML). The
// pictures are decoration for sighted readers; every number is also text.
import type { Insights } from '../../../data/insights';
import type { InsightsStrings } from './strings';

/** Questions per day as columns, not understood as the darker part of each; the table holds the numbers. */
export function PerDayChart({ days, s, format }: { days: Insights['perDay']; s: InsightsStrings; format: (n: number) => string }) {
  const max = Math.max(1, ...days.map((d) => d.questions));
  const w = 8;
  const gap = days.length > 120 ? 1 : 3;
  const width = days.length * (w + gap);
  const height = 120;
  const y = (n: number) => height - (n / max) * height;
  return (
    <figure className="insights-figure">
      <figcaption>
        <h3>{s.perDay}</h3>
        <span className="legend">
          <span className="swatch asked" /> {s.questions} <span className="swatch not-understood" /> {s.notUnderstood}
        </span>
      </figcaption>
      <div className="per-day-plot">
        <span className="axis-max">{format(max)}</span>
        <svg viewBox={`0 0 ${width} ${height}`} preserveAspectRatio="none" aria-hidden="true" focusable="false">
          {days.map((d, i) => (
            <g key={d.day}>
              <rect className="asked" x={i * (w + gap)} y={y(d.questions)} width={w} height={height - y(d.questions)} />
              <rect className="not-understood" x={i * (w + gap)} y={y(d.unrecognized)} width={w} height={height - y(d.unrecognized)} />
            </g>
          ))}
        </svg>
        <span className="axis-from">{days[0]?.day}</span>
        <span className="axis-to">{days[days.length - 1]?.day}</span>
      </div>
      <details>
        <summary>{s.showTable}</summary>
        <table className="insights-table">
          <thead>
            <tr>
              <th scope="col">{s.day}</th>
              <th scope="col">{s.questions}</th>
              <th scope="col">{s.notUnderstood}</th>
            </tr>
          </thead>
          <tbody>
            {days.map((d) => (
              <tr key={d.day}>
                <th scope="row">{d.day}</th>
                <td>{format(d.questions)}</td>
                <td>{format(d.unrecognized)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

export interface Bar {
  key: string;
  label: string;
  count: number;
  /** A perspective's colour on the bar (never on text). */
  tone?: string;
}

/** A labelled list of bars, longest first as given; the count is text beside each bar. */
export function BarList({ title, bars, format }: { title: string; bars: Bar[]; format: (n: number) => string }) {
  const max = Math.max(1, ...bars.map((b) => b.count));
  return (
    <section className="bar-list">
      <h3>{title}</h3>
      <ul>
        {bars.map((b) => (
          <li key={b.key}>
            <span className="bar-label">{b.label}</span>
            <span className="bar-track" aria-hidden="true">
              <span className={`bar ${b.tone ? `tone-${b.tone}` : ''}`} style={{ width: `${(b.count / max) * 100}%` }} />
            </span>
            <span className="bar-count">{format(b.count)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
