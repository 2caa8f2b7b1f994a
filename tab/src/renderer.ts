// Fluent UI styles components with Griffel, which writes <style> elements at
// run time. The tab's CSP allows those only with the nonce the server put in
// this response's <meta property="csp-nonce"> (bot/http/content-security-policy.ts).
import { createDOMRenderer, type GriffelRenderer } from '@fluentui/react-components';

/** The page's CSP nonce. Chromium hides the attribute once parsed; the property keeps it. */
export function cspNonce(doc: Document = document): string | undefined {
  const meta = doc.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]');
  return meta?.nonce || meta?.getAttribute('nonce') || undefined;
}

/** One renderer for the page; FluentProvider's theme <style> takes the same attributes. */
export function nonceRenderer(doc: Document = document): GriffelRenderer {
  const nonce = cspNonce(doc);
  return createDOMRenderer(doc, nonce ? { styleElementAttributes: { nonce } } : {});
}
