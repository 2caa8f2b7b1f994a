import { perspectives } from '../../../data/charter';
import { subPageId } from '../../../data/deep-links';
import { useShared } from '../shared';

// Quadrant paths around a centre circle, in the charter's clockwise order.
const R = 150;
const r = 62;
function quadrant(i: number): string {
  const a0 = (-90 + i * 90) * (Math.PI / 180);
  const a1 = (-90 + (i + 1) * 90) * (Math.PI / 180);
  const p = (rad: number, a: number) => `${(R + rad * Math.cos(a)).toFixed(1)} ${(R + rad * Math.sin(a)).toFixed(1)}`;
  return `M ${p(r, a0)} L ${p(R - 4, a0)} A ${R - 4} ${R - 4} 0 0 1 ${p(R - 4, a1)} L ${p(r, a1)} A ${r} ${r} 0 0 0 ${p(r, a0)} Z`;
}

/** The wheel: four perspectives around Borgere og lokalsamfund; each quadrant opens its perspective. */
export function WheelView() {
  const { t } = useShared();
  return (
    <section aria-labelledby="wheel-title" className="wheel-view">
      <h2 id="wheel-title">{t.nav.wheel}</h2>
      <svg viewBox={`0 0 ${2 * R} ${2 * R}`} className="wheel" role="group" aria-label={t.wheelLabel}>
        <title>{t.wheelLabel}</title>
        {perspectives().map((p, i) => {
          const mid = (-45 + i * 90) * (Math.PI / 180);
          const x = R + ((R + r) / 2) * Math.cos(mid);
          const y = R + ((R + r) / 2) * Math.sin(mid);
          return (
            <a
              key={p.id}
              href={`#${subPageId({ view: 'perspective', perspective: p.id })}`}
              aria-label={`${p.title} (${p.syntheseName})`}
              className={`quadrant p-${p.id}`}
            >
              <path d={quadrant(i)} />
              <text x={x} y={y - 6} textAnchor="middle" className="q-verb" aria-hidden="true">
                {p.title.split(' ').slice(0, 3).join(' ')}
              </text>
              <text x={x} y={y + 12} textAnchor="middle" className="q-heading" aria-hidden="true">
                {p.heading}
              </text>
            </a>
          );
        })}
        <circle cx={R} cy={R} r={r - 6} className="centre" />
        <text x={R} y={R - 2} textAnchor="middle" className="centre-text">
          Borgere og
        </text>
        <text x={R} y={R + 14} textAnchor="middle" className="centre-text">
          lokalsamfund
        </text>
      </svg>
      <p className="centre-caption">{t.centre}</p>
      <ul className="wheel-list">
        {perspectives().map((p) => (
          <li key={p.id}>
            <a href={`#${subPageId({ view: 'perspective', perspective: p.id })}`} className={`p-${p.id}`}>
              {p.title}
            </a>{' '}
            ({p.syntheseName})
          </li>
        ))}
      </ul>
    </section>
  );
}
