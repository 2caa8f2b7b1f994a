// Which sides of a sideways-scrolling tab strip hide tabs, kept up to date as
// it scrolls or its width changes; and a scroll by most of its width.
import { useEffect, useState, type RefObject } from 'react';

export interface StripOverflow {
  start: boolean;
  end: boolean;
  scroll: (side: 'start' | 'end') => void;
}

// A pixel of slack: zoom and fractional widths leave scrollLeft a hair short of the end.
const SLACK = 1;

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
    measure();
    el.addEventListener('scroll', measure, { passive: true });
    const resized = new ResizeObserver(measure);
    resized.observe(el);
    return () => {
      el.removeEventListener('scroll', measure);
      resized.disconnect();
    };
  }, [list]);
  // The chosen tab in view (a stored perspective may be the last), without moving anything else.
  useEffect(() => {
    const el = list.current;
    const tab = el?.querySelectorAll<HTMLElement>('[role=tab]')[selectedIndex];
    if (!el || !tab) return;
    const pad = parseFloat(getComputedStyle(el).scrollPaddingInlineStart) || 0;
    if (tab.offsetLeft - pad < el.scrollLeft) el.scrollTo({ left: tab.offsetLeft - pad });
    else if (tab.offsetLeft + tab.offsetWidth + pad > el.scrollLeft + el.clientWidth)
      el.scrollTo({ left: tab.offsetLeft + tab.offsetWidth + pad - el.clientWidth });
  }, [list, selectedIndex]);
  const scroll = (side: 'start' | 'end') => {
    const el = list.current;
    if (el) el.scrollBy({ left: (side === 'end' ? 1 : -1) * el.clientWidth * 0.7, behavior: 'smooth' });
  };
  return { ...sides, scroll };
}
