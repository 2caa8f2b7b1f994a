// The configurable tab's set-up page: the team picks the tab's default view
// (any view: the matrix, the wheel, search, about, one perspective or one
// role); Save stores it with setConfig. In Teams' theme and language; the
// names come from `virtual:charter-names`, not the charter's text.
import { useEffect, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import {
  FluentProvider,
  RendererProvider,
  Select,
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
} from '@fluentui/react-components';
import names from 'virtual:charter-names';
import type { pages as TeamsPages } from '@microsoft/teams-js';
import { langFromLocale, strings } from '../i18n';
import { nonceRenderer } from '../renderer';
import { tabConfig } from '../tab-config';
import { asTheme, type ThemeName } from '../teams';
import { useTheme } from '../use-theme';
import { upperFirst } from '../ui/text';
import '../styles.css';

type Pages = typeof TeamsPages;
const THEMES = { default: teamsLightTheme, dark: teamsDarkTheme, contrast: teamsHighContrastTheme };

interface ConfigHost {
  pages: Pages;
  locale?: string;
  theme: ThemeName;
  onThemeChange(handler: (t: ThemeName) => void): void;
}

async function connect(): Promise<ConfigHost | undefined> {
  if (window.parent === window) return undefined;
  const teams = await import('@microsoft/teams-js');
  await teams.app.initialize();
  const context = await teams.app.getContext();
  void teams.app.notifySuccess();
  return {
    pages: teams.pages,
    locale: context.app.locale,
    theme: asTheme(context.app.theme),
    onThemeChange: (handler) => teams.app.registerOnThemeChangeHandler((t) => handler(asTheme(t))),
  };
}

function ConfigPage() {
  const [sub, setSub] = useState('matrix');
  const [host, setHost] = useState<ConfigHost>();
  const theme = useTheme(host);
  const t = strings(langFromLocale(host?.locale ?? new URLSearchParams(location.search).get('lang')));
  const config = useMemo(() => tabConfig(sub, location.origin, names), [sub]);

  useEffect(() => {
    void connect()
      .then(setHost)
      .catch(() => undefined);
  }, []);
  useEffect(() => {
    document.documentElement.lang = host?.locale?.toLowerCase().startsWith('en') ? 'en' : 'da';
  }, [host]);

  useEffect(() => {
    if (!host) return;
    const { pages } = host;
    pages.config.registerOnSaveHandler((save) => {
      pages.config.setConfig(config).then(
        () => save.notifySuccess(),
        (e: Error) => save.notifyFailure(e.message),
      );
    });
    pages.config.registerOnRemoveHandler((remove) => remove.notifySuccess());
    pages.config.setValidityState(true);
  }, [host, config]);

  const [kind, id] = sub.split('/');
  const help = t.viewHelp[kind as keyof typeof t.viewHelp];
  const opensOn =
    kind === 'perspective'
      ? `${t.nav.perspective}: ${names.perspectives.find((p) => p.id === id)?.title}`
      : kind === 'role'
        ? `${t.nav.role}: ${id === 'alle' ? t.everyone : names.rows.find((r) => r.id === id)?.name}`
        : t.nav[kind as 'matrix' | 'wheel' | 'search' | 'about'];

  return (
    <FluentProvider theme={THEMES[theme]} className={`app config theme-${theme}`} data-theme={theme}>
      <main>
        <h1>{t.configTitle}</h1>
        <p className="intro">{t.configIntro}</p>
        <label className="picker">
          <span>{t.defaultView}</span>
          <Select data-testid="default-view" value={sub} onChange={(_e, d) => setSub(d.value)}>
            <optgroup label={t.views}>
              {(['matrix', 'wheel', 'search', 'about'] as const).map((v) => (
                <option key={v} value={v}>
                  {t.nav[v]}
                </option>
              ))}
            </optgroup>
            <optgroup label={t.nav.perspective}>
              {names.perspectives.map((p) => (
                <option key={p.id} value={`perspective/${p.id}`}>
                  {upperFirst(p.heading)} – {p.title}
                </option>
              ))}
            </optgroup>
            <optgroup label={t.nav.role}>
              {names.rows.map((r) => (
                <option key={r.id} value={`role/${r.id}`}>
                  {r.id === 'alle' ? t.everyone : r.name}
                </option>
              ))}
            </optgroup>
          </Select>
        </label>
        <section className={`card config-preview${kind === 'perspective' ? ` p-${id}` : ''}`} aria-labelledby="preview-title">
          <h2 id="preview-title">{t.previewTitle}</h2>
          <dl data-testid="preview" data-content-url={config.contentUrl}>
            <dt>{t.previewName}</dt>
            <dd data-testid="display-name">{config.suggestedDisplayName}</dd>
            <dt>{t.previewOpens}</dt>
            <dd data-testid="opens-on">{opensOn}</dd>
          </dl>
          <p className="meta">{help}</p>
        </section>
      </main>
    </FluentProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <RendererProvider renderer={nonceRenderer()} targetDocument={document}>
    <ConfigPage />
  </RendererProvider>,
);
