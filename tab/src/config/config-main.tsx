// The configurable tab's set-up page: the team picks the tab's default view
// (the matrix, one perspective or one role); Save stores it with setConfig.
import { useEffect, useState, useMemo } from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider, RendererProvider, Select, teamsLightTheme } from '@fluentui/react-components';
import { perspectives, rows } from '../../../data/charter';
import { parseSubPageId, subPageId, type TabView } from '../../../data/deep-links';
import { nonceRenderer } from '../renderer';
import { tabConfig } from '../tab-config';
import '../styles.css';
import type { pages as TeamsPages } from '@microsoft/teams-js';

type Pages = typeof TeamsPages;

function ConfigPage() {
  const [view, setView] = useState<TabView>({ view: 'matrix' });
  const [pages, setPages] = useState<Pages>();
  const config = useMemo(() => tabConfig(view, location.origin), [view]);

  useEffect(() => {
    if (window.parent === window) return;
    void import('@microsoft/teams-js')
      .then(async (teams) => {
        await teams.app.initialize();
        void teams.app.notifySuccess();
        setPages(teams.pages);
      })
      .catch(() => undefined);
  }, []);

  useEffect(() => {
    if (!pages) return;
    pages.config.registerOnSaveHandler((save) => {
      pages.config.setConfig(config).then(
        () => save.notifySuccess(),
        (e: Error) => save.notifyFailure(e.message),
      );
    });
    pages.config.registerOnRemoveHandler((remove) => remove.notifySuccess());
    pages.config.setValidityState(true);
  }, [pages, config]);

  return (
    <FluentProvider theme={teamsLightTheme} className="app config">
      <main>
        <h1>Hvidovrevejen</h1>
        <p>Vælg, hvad fanen skal vise først. (Choose what the tab shows first.)</p>
        <label className="picker">
          <span>Standardvisning (default view)</span>
          <Select data-testid="default-view" value={subPageId(view)} onChange={(_e, d) => setView(parseSubPageId(d.value))}>
            <option value="matrix">Hele matricen (the whole matrix)</option>
            {perspectives().map((p) => (
              <option key={p.id} value={subPageId({ view: 'perspective', perspective: p.id })}>
                Perspektiv: {p.title}
              </option>
            ))}
            {rows().map((r) => (
              <option key={r.id} value={subPageId({ view: 'role', row: r.id })}>
                Rolle: {r.name}
              </option>
            ))}
          </Select>
        </label>
        <dl className="config-preview">
          <dt>Fanens navn</dt>
          <dd data-testid="display-name">{config.suggestedDisplayName}</dd>
          <dt>contentUrl</dt>
          <dd data-testid="content-url">{config.contentUrl}</dd>
        </dl>
      </main>
    </FluentProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <RendererProvider renderer={nonceRenderer()} targetDocument={document}>
    <ConfigPage />
  </RendererProvider>,
);
