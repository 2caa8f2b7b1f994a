import { useState, type ReactNode } from 'react';
import type { PerspectiveId, RowId, Statement } from '../../../data/charter';
import { tabLink } from '../../../data/deep-links';
import { useShared } from '../shared';

/**
 * Statements as a list, verbatim. `mark` renders a text with its matched words
 * marked; only the search view passes one, so the search engine it needs stays
 * out of the first view's bundle.
 */
export function Statements({ list, mark }: { list: readonly Statement[]; mark?: (text: string) => ReactNode }) {
  const { t } = useShared();
  return (
    <ul className="statements">
      {list.map((s) => (
        <li key={s.id} data-statement={s.id}>
          {mark ? mark(s.text) : s.text}
          {s.variants?.map((v) => (
            <small key={v.page} className="variant">
              {t.wording(v.page)} {mark ? mark(v.text) : v.text}
            </small>
          ))}
        </li>
      ))}
    </ul>
  );
}

/**
 * "Kopiér link" and "Del i chat" for one cell. In the matrix they show on
 * hover and focus, and only the grid's current cell puts them in the tab order.
 * Plain buttons drawn as Fluent's subtle ones (styles.css): 48 Fluent Buttons
 * cost the first paint ~100 ms of Griffel style work on a phone.
 */
export function CellActions(props: { row: RowId; perspective: PerspectiveId; label: string; tabbable?: boolean }) {
  const { row, perspective, label, tabbable = true } = props;
  const { t, host, links } = useShared();
  const [copied, setCopied] = useState(false);
  const url = tabLink({ view: 'cell', row, perspective }, links);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
    } catch {
      window.prompt(t.copyLink, url);
    }
    setCopied(true);
    setTimeout(() => setCopied(false), 2000);
  };
  const share = async () => {
    if (host && (await host.share(url, label).catch(() => false))) return;
    window.open(
      `https://teams.microsoft.com/share?href=${encodeURIComponent(url)}&msgText=${encodeURIComponent(label)}`,
      '_blank',
      'noopener',
    );
  };
  const tabIndex = tabbable ? 0 : -1;
  return (
    <div className="cell-actions">
      <button type="button" className="action" tabIndex={tabIndex} onClick={() => void copy()} aria-label={`${t.copyLink}: ${label}`}>
        {copied ? t.copied : t.copyLink}
      </button>
      <button type="button" className="action" tabIndex={tabIndex} onClick={() => void share()} aria-label={`${t.share}: ${label}`}>
        {t.share}
      </button>
      <span role="status" className="visually-hidden">
        {copied ? t.copied : ''}
      </span>
    </div>
  );
}
