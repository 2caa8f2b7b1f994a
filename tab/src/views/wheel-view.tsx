import { useRef, useState, type KeyboardEvent } from 'react';
import { Button } from '@fluentui/react-components';
import { cell, perspectives, type PerspectiveId } from '../../../data/charter';
import { useShared } from '../shared';
import { Statements } from './statements';

// Quadrant paths around a centre circle, in the charter's clockwise order.
const R = 170;
const r = 60;
function quadrant(i: number): string {
  const a0 = (-90 + i * 90) * (Math.PI / 180);
  const a1 = (-90 + (i + 1) * 90) * (Math.PI / 180);
  const p = (rad: number, a: number) => `${(R + rad * Math.cos(a)).toFixed(1)} ${(R + rad * Math.sin(a)).toFixed(1)}`;
  return `M ${p(r, a0)} L ${p(R - 4, a0)} A ${R - 4} ${R - 4} 0 0 1 ${p(R - 4, a1)} L ${p(r, a1)} A ${r} ${r} 0 0 0 ${p(r, a0)} Z`;
}

/** A perspective's title in lines short enough for its quadrant: "Sammen" / "udvikler vi" / "en robust" / "organisation". */
export function labelLines(title: string, max = 12): string[] {
  const lines: string[] = [];
  for (const w of title.split(' ')) {
    const last = lines[lines.length - 1];
    if (last !== undefined && `${last} ${w}`.length <= max) lines[lines.length - 1] = `${last} ${w}`;
    else lines.push(w);
  }
  return lines;
}

/**
 * The wheel: four perspectives around Borgere og lokalsamfund. The quadrants
 * are tabs (one tab stop; arrows turn the wheel) and the chosen perspective's
 * shared statements (ALLE) show beside it, with the way to its whole chain.
 */
export function WheelView() {
  const { t, go } = useShared();
  const [chosen, setChosen] = useState<PerspectiveId>('driften');
  const svg = useRef<SVGSVGElement>(null);
  const all = perspectives();
  const index = all.findIndex((p) => p.id === chosen);
  const p = all[index];
  const onKeyDown = (e: KeyboardEvent) => {
    const step: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };
    if (!(e.key in step)) return;
    e.preventDefault();
    const next = (index + step[e.key] + all.length) % all.length;
    setChosen(all[next].id);
    svg.current?.querySelectorAll<SVGGElement>('[role=tab]')[next]?.focus();
  };
  return (
    <section aria-labelledby="wheel-title" className="wheel-view">
      <h2 id="wheel-title" tabIndex={-1}>
        {t.nav.wheel}
      </h2>
      <p className="intro">{t.wheelLabel}</p>
      <div className="wheel-layout">
        <svg ref={svg} viewBox={`0 0 ${2 * R} ${2 * R}`} className="wheel" role="tablist" aria-label={t.centre} onKeyDown={onKeyDown}>
          {all.map((q, i) => {
            const mid = (-45 + i * 90) * (Math.PI / 180);
            const x = R + ((R + r) / 2) * Math.cos(mid);
            const y = R + ((R + r) / 2) * Math.sin(mid);
            const lines = labelLines(q.title);
            const top = y - ((lines.length - 1) * 15) / 2;
            return (
              <g
                key={q.id}
                role="tab"
                id={`wheel-${q.id}`}
                aria-selected={q.id === chosen}
                aria-controls="wheel-panel"
                tabIndex={q.id === chosen ? 0 : -1}
                className={`quadrant p-${q.id}${q.id === chosen ? ' chosen' : ''}`}
                onClick={() => setChosen(q.id)}
              >
                <path d={quadrant(i)} />
                <text textAnchor="middle">
                  {lines.map((l, n) => (
                    <tspan key={n} x={x} y={top + n * 15 + 4}>
                      {l}
                      {n < lines.length - 1 ? ' ' : ''}
                    </tspan>
                  ))}
                </text>
              </g>
            );
          })}
          <circle cx={R} cy={R} r={r - 6} className="centre" />
          <text x={R} y={R} textAnchor="middle" className="centre-text" aria-hidden="true">
            <tspan x={R} y={R - 3}>
              Borgere og
            </tspan>
            <tspan x={R} y={R + 13}>
              lokalsamfund
            </tspan>
          </text>
        </svg>
        <div id="wheel-panel" role="tabpanel" aria-labelledby={`wheel-${p.id}`} className={`wheel-panel card p-${p.id}`}>
          <h3 className="p-heading">
            {p.title} <span className="p-synthese">({p.syntheseName})</span>
          </h3>
          <p className="meta">{t.everyone}</p>
          <Statements list={cell('alle', p.id)} />
          <Button appearance="primary" onClick={() => go({ view: 'perspective', perspective: p.id })}>
            {t.openChain}
          </Button>
        </div>
      </div>
    </section>
  );
}
