import { useDeferredValue, useMemo, useState } from 'react';
import { Button, SearchBox } from '@fluentui/react-components';
import { perspective, rows } from '../../../data/charter';
import { highlight, searchStatements } from '../../../data/language/search';
import { useShared } from '../shared';
import { searchQuery, storeSearchQuery } from '../view-state';
import { CellActions, Statements } from './statements';

const EXAMPLES = ['kompetenceudvikling', 'tillid', 'feedback', 'borgerne'];

/**
 * Search with Danish stems, synonyms and typo tolerance: the bot's own search.
 * Loaded only when opened, with its engine. The query stays in the URL.
 */
export function SearchView() {
  const { t, go } = useShared();
  const [query, setQuery] = useState(searchQuery);
  const deferred = useDeferredValue(query).trim();
  const result = useMemo(() => (deferred.length >= 2 ? searchStatements(deferred) : undefined), [deferred]);
  const change = (q: string) => {
    setQuery(q);
    storeSearchQuery(q);
  };
  const status = result ? (result.hits.length ? t.results(result.hits.length) : t.noResults) : deferred.length === 1 ? t.typeMore : '';
  return (
    <section aria-labelledby="search-title" className="search-view">
      <h2 id="search-title" tabIndex={-1}>
        {t.nav.search}
      </h2>
      <SearchBox
        className="search"
        value={query}
        onChange={(_e, d) => change(d.value)}
        placeholder={t.searchPlaceholder}
        aria-label={t.searchLabel}
        size="large"
      />
      <p role="status" className="result-count">
        {status}
      </p>
      {!deferred && (
        <div className="empty-state">
          <p>{t.searchEmpty}</p>
          <p>
            {t.searchTry}{' '}
            {EXAMPLES.map((q) => (
              <Button key={q} size="small" shape="circular" className="example" onClick={() => change(q)}>
                {q}
              </Button>
            ))}
          </p>
        </div>
      )}
      {result &&
        rows().map((r) => {
          const hits = result.hits.filter((h) => h.row === r.id);
          if (!hits.length) return null;
          const name = r.id === 'alle' ? t.everyone : r.name;
          return (
            <article key={r.id} className="card">
              <h3>{name}</h3>
              {hits.map((h) => {
                const p = perspective(h.perspective);
                return (
                  <div key={h.statement.id} className={`hit p-${h.perspective}`}>
                    <p className="meta">
                      <a
                        href={`#cell/${r.id}/${p.id}`}
                        onClick={(e) => {
                          e.preventDefault();
                          go({ view: 'cell', row: r.id, perspective: p.id }, { focus: false });
                        }}
                      >
                        {p.title}
                      </a>
                    </p>
                    <Statements
                      list={[h.statement]}
                      mark={(text) =>
                        highlight(text, h.stems).map((part, i) =>
                          part.match ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>,
                        )
                      }
                    />
                    <CellActions row={r.id} perspective={p.id} label={`${name} · ${p.title}`} />
                  </div>
                );
              })}
            </article>
          );
        })}
    </section>
  );
}
