// The page's entry, a few lines: when the built first view is showing
// (first-view-plugin.ts), React and Fluent UI are fetched and run only once
// the browser has painted it, so a phone shows the matrix without waiting for
// ~75 KB (gzip) of script and about a second of its work. Otherwise at once.
import './styles.css';

/** Whether the built first view is on screen (src/first-view/show.ts and the width decide). */
function firstViewShowing(): boolean {
  const view = document.querySelector('#root > .first-view');
  return !!view && getComputedStyle(view).display !== 'none';
}

/** Resolves once the page has painted its first content (or after a second, whatever happens). */
const afterFirstPaint = () =>
  new Promise<void>((resolve) => {
    setTimeout(resolve, 1000);
    if (!PerformanceObserver.supportedEntryTypes?.includes('paint')) return requestAnimationFrame(() => setTimeout(resolve, 0));
    new PerformanceObserver((list, observer) => {
      if (!list.getEntriesByName('first-contentful-paint').length) return;
      observer.disconnect();
      resolve();
    }).observe({ type: 'paint', buffered: true });
  });

void (firstViewShowing() ? afterFirstPaint() : Promise.resolve()).then(() => import('./boot'));
