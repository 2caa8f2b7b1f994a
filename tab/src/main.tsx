// The page's entry, a few lines: when the built first view is showing
// (first-view-plugin.ts), React and Fluent UI are fetched and run only once
// the browser has painted it, so a phone shows the matrix without waiting for
// ~75 KB (gzip) of script and about a second of its work. Otherwise at once.
import './styles.css';

/**
 * Whether the built first view is on screen: the class src/first-view/show.ts
 * sets, at the width its stylesheet shows it (no getComputedStyle, which would
 * make the browser work out every style before it paints).
 */
const firstViewShowing = () => document.documentElement.classList.contains('first-view-on') && matchMedia('(max-width: 599px)').matches;

/**
 * Resolves once the page has painted its first content. A hidden page paints
 * nothing, so it does not wait; nor longer than 3 s (a busy machine can hold
 * back a frame for a second or two, and React's work would then push the
 * first paint back further).
 */
const afterFirstPaint = () =>
  new Promise<void>((resolve) => {
    if (document.visibilityState === 'hidden') return resolve();
    setTimeout(resolve, 3000);
    if (!PerformanceObserver.supportedEntryTypes?.includes('paint')) return requestAnimationFrame(() => setTimeout(resolve, 0));
    new PerformanceObserver((list, observer) => {
      if (!list.getEntriesByName('first-contentful-paint').length) return;
      observer.disconnect();
      resolve();
    }).observe({ type: 'paint', buffered: true });
  });

void (firstViewShowing() ? afterFirstPaint() : Promise.resolve()).then(() => import('./boot'));
