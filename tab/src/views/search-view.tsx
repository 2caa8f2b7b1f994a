import { useDeferredValue, useMemo, useState } from 'react';
import { SearchBox } from '@fluentui/react-components';
import { perspective, rows } from '../../../data/charter';
import { searchStatements } from '../../../data/language/search';
import { useShared } from '../shared';
import { Statements } from './statements';

/** Search with Danish stems, synonyms and typo tolerance: the bot's own search. */
export function SearchView() {
  const { t } = useShared();
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const result = useMemo(() => (deferred.trim().length >= 2 ? searchStatements(deferred) : undefined), [deferred]);
  return (
    <section aria-labelledby="search-title">
      <h2 id="search-title">{t.nav.search}</h2>
      <label className="search">
        <span className="visually-hidden">{t.searchLabel}</span>
        <SearchBox
          value={query}
          onChange={(_e, d) => setQuery(d.value)}
          placeholder={t.searchPlaceholder}
          aria-label={t.searchLabel}
          size="large"
        />
      </label>
      <p role="status" className="result-count">
        {result ? (result.hits.length ? t.results(result.hits.length) : t.noResults) : ''}
      </p>
      {result &&
        rows().map((r) => {
          const hits = result.hits.filter((h) => h.row === r.id);
          if (!hits.length) return null;
          return (
            <article key={r.id} className="card">
              <h3>{r.id === 'alle' ? t.everyone : r.name}</h3>
              {hits.map((h) => (
                <div key={h.statement.id} className={`hit p-${h.perspective}`}>
                  <p className="meta">{perspective(h.perspective).title}</p>
                  <Statements list={[h.statement]} stems={h.stems} />
                </div>
              ))}
            </article>
          );
        })}
    </section>
  );
}
