// A tab list of our own, in Fluent's look. Fluent's TabList moves focus with
// tabster's Mover, which puts two focusable `aria-hidden` sentinels
// (`<i data-tabster-dummy tabindex="0">`) around the list; axe rightly reports
// them (aria-hidden-focus) and no tabster option turns a Mover's sentinels off.
// The WAI-ARIA tabs pattern needs none: one tab stop (roving tabindex), arrows,
// Home and End move and select.
// On a phone the tabs do not fit and the strip scrolls sideways; a fade with a
// chevron on each side that has more shows that there is more (ui/strip-overflow.ts).
import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useStripOverflow } from './strip-overflow';

export interface StripItem<T extends string> {
  value: T;
  label: ReactNode;
  className?: string;
}

export function TabStrip<T extends string>(props: {
  label: string;
  items: readonly StripItem<T>[];
  selected: T | undefined;
  onSelect: (value: T) => void;
  small?: boolean;
  className?: string;
  testId?: string;
}) {
  const { items, selected, onSelect } = props;
  const list = useRef<HTMLDivElement>(null);
  const current = Math.max(
    0,
    items.findIndex((i) => i.value === selected),
  );
  const more = useStripOverflow(list, current);
  const onKeyDown = (e: KeyboardEvent) => {
    const moves: Record<string, number> = { ArrowRight: current + 1, ArrowLeft: current - 1, Home: 0, End: items.length - 1 };
    if (!(e.key in moves)) return;
    e.preventDefault();
    const next = (moves[e.key] + items.length) % items.length;
    onSelect(items[next].value);
    list.current?.querySelectorAll<HTMLButtonElement>('[role=tab]')[next]?.focus();
  };
  // The chevrons are for pointer and touch: the keyboard moves through the tabs
  // with the arrows (the focused tab scrolls into view) and a screen reader hears
  // the whole list, so they are hidden from both and are no tab stop.
  const chevron = (side: 'start' | 'end') =>
    more[side] && (
      <button type="button" className={`strip-more ${side}`} tabIndex={-1} aria-hidden="true" onClick={() => more.scroll(side)}>
        <svg viewBox="0 0 16 16" width="16" height="16" focusable="false">
          <path d={side === 'end' ? 'M6 3l5 5-5 5' : 'M10 3L5 8l5 5'} />
        </svg>
      </button>
    );
  return (
    <div className={`tab-strip-frame ${props.className ?? ''}`}>
      <div
        ref={list}
        role="tablist"
        aria-label={props.label}
        className={`tab-strip${props.small ? ' small' : ''}`}
        data-testid={props.testId}
      >
        {items.map((item, i) => (
          <button
            key={item.value}
            type="button"
            role="tab"
            aria-selected={i === current && selected !== undefined}
            tabIndex={i === current ? 0 : -1}
            className={item.className}
            onClick={() => onSelect(item.value)}
            onKeyDown={onKeyDown}
          >
            {item.label}
          </button>
        ))}
      </div>
      {chevron('start')}
      {chevron('end')}
    </div>
  );
}
