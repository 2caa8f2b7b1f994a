// Which sides of a sideways-scrolling tab strip hide tabs, kept up to date as
// it scrolls or its width changes; the chosen tab kept in view (a stored
// perspective may be the last one, and a phone may turn); and a scroll by most
// of the strip's width for the chevrons.
import { useEffect, useState, type RefObject } from 'react';

export interface StripOverflow {
  start: boolean;
  end: boolean;
  scroll: (side: 'start' | 'end') => void;
}

// A pixel of slack: tabs have fractional widths and scrollLeft is whole.
const SLACK = 1;

/** Scrolls the strip just enough to show the tab whole, clear of the chevrons (its scroll-padding). */
function bringIntoView(el: HTMLElement, tab: HTMLElement | undefined): void {
  if (!tab) return;
  const pad = parseFloat(getComputedStyle(el).scrollPaddingInlineStart) || 0;
  if (tab.offsetLeft - pad < el.scrollLeft) el.scrollTo({ left: tab.offsetLeft - pad });
  else if (tab.offsetLeft + tab.offsetWidth + pad > el.scrollLeft + el.clientWidth)
    el.scrollTo({ left: tab.offsetLeft + tab.offsetWidth + pad - el.clientWidth });
}

export function useStripOverflow(list: RefObject<HTMLElement | null>, selectedIndex: number): StripOverflow {
  const [sides, setSides] = useState({ start: false, end: false });
  useEffect(() => {
    const el = list.current;
    if (!el) return undefined;
    const measure = () => {
      const start = el.scrollLeft > SLACK;
      const end = el.scrollLeft + el.clientWidth < el.scrollWidth - SLACK;
      setSides((s) => (s.start === start && s.end === end ? s : { start, end }));
    };
    const resized = new ResizeObserver(() => {
      bringIntoView(el, el.querySelectorAll<HTMLElement>('[role=tab]')[selectedIndex]);
      measure();
    });
    resized.observe(el);
    el.addEventListener('scroll', measure, { passive: true });
    return () => {
      el.removeEventListener('scroll', measure);
      resized.disconnect();
    };
  }, [list, selectedIndex]);
  const scroll = (side: 'start' | 'end') => {
    const el = list.current;
    if (el) el.scrollBy({ left: (side === 'end' ? 1 : -1) * el.clientWidth * 0.7, behavior: 'smooth' });
  };
  return { ...sides, scroll };
}
