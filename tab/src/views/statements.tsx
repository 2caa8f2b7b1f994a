import { useState } from 'react';
import { Button } from '@fluentui/react-components';
import type { PerspectiveId, RowId, Statement } from '../../../data/charter';
import { tabLink } from '../../../data/deep-links';
import { highlight } from '../../../data/language/search';
import { useShared } from '../shared';

/** Statements as a list, verbatim; matched words marked when a search found them. */
export function Statements({ list, stems }: { list: readonly Statement[]; stems?: string[] }) {
  const { t } = useShared();
  return (
    <ul className="statements">
      {list.map((s) => (
        <li key={s.id} data-statement={s.id}>
          {stems
            ? highlight(s.text, stems).map((p, i) => (p.match ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))
            : s.text}
          {s.variants?.map((v) => (
            <small key={v.page} className="variant">
              {t.wording(v.page)} {v.text}
            </small>
          ))}
        </li>
      ))}
    </ul>
  );
}

/** "Kopiér link" and "Del i chat" for one cell. */
export function CellActions({ row, perspective, label }: { row: RowId; perspective: PerspectiveId; label: string }) {
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
  return (
    <div className="cell-actions">
      <Button size="small" appearance="subtle" onClick={() => void copy()} aria-label={`${t.copyLink}: ${label}`}>
        {copied ? t.copied : t.copyLink}
      </Button>
      <Button size="small" appearance="subtle" onClick={() => void share()} aria-label={`${t.share}: ${label}`}>
        {t.share}
      </Button>
      <span role="status" className="visually-hidden">
        {copied ? t.copied : ''}
      </span>
    </div>
  );
}
