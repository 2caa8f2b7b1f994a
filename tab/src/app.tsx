import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { FluentProvider, Select, teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme } from '@fluentui/react-components';
import { isRoleId, roles, type RoleId } from '../../data/charter';
import type { TabView } from '../../data/deep-links';
import { langFromLocale, strings } from './i18n';
import { connectTeams, type TeamsHost } from './teams';
import { useTheme } from './use-theme';
import { initialView, showInUrl } from './view-state';
import { useMyRole } from './use-my-role';
import { roleNote } from './role-note';
import { Shared, type SharedContext } from './shared';
import { TabStrip } from './ui/tab-strip';
import { MatrixView } from './views/matrix-view';
import { RoleView } from './views/role-view';
import { ChainView } from './views/chain-view';

// Only the matrix is needed first; the rest load when opened (search brings its engine).
const WheelView = lazy(() => import('./views/wheel-view').then((m) => ({ default: m.WheelView })));
const SearchView = lazy(() => import('./views/search-view').then((m) => ({ default: m.SearchView })));
const AboutView = lazy(() => import('./views/about-view').then((m) => ({ default: m.AboutView })));
const InsightsView = lazy(() => import('./views/insights-view').then((m) => ({ default: m.InsightsView })));

const THEMES = { default: teamsLightTheme, dark: teamsDarkTheme, contrast: teamsHighContrastTheme };
type Section = 'matrix' | 'wheel' | 'role' | 'perspective' | 'search' | 'about' | 'insights';
const SECTIONS: Section[] = ['matrix', 'wheel', 'role', 'perspective', 'search', 'about', 'insights'];

const sectionOf = (v: TabView): Section => (v.view === 'cell' ? 'matrix' : v.view);

export function App() {
  const [host, setHost] = useState<TeamsHost>();
  const [view, setView] = useState<TabView>(() => initialView());
  const [teamsAppId, setTeamsAppId] = useState<string>();
  const [sso, setSso] = useState<boolean>();
  const { role: myRole, choose: setMyRole, source: roleSource, admin, api } = useMyRole(host, sso);
  const theme = useTheme(host);
  const lang = langFromLocale(host?.locale ?? new URLSearchParams(location.search).get('lang'));
  const t = strings(lang);
  // Set when a view is opened from inside the content: its heading then takes the focus.
  const focusHeading = useRef(false);

  /** Opens a view with its own history entry, so Back returns here. */
  const go = useCallback((next: TabView, opts: { focus?: boolean } = {}) => {
    focusHeading.current = opts.focus ?? true;
    showInUrl(next, 'push');
    setView(next);
  }, []);

  useEffect(() => {
    showInUrl(initialView(), 'replace');
    void connectTeams().then((h) => {
      if (!h) return;
      setHost(h);
      if (h.subPageId) {
        const v = initialView(h.subPageId);
        showInUrl(v, 'replace');
        setView(v);
      }
    });
    fetch('app-config.json')
      .then((r) => (r.ok ? r.json() : {}))
      .then((c: { teamsAppId?: string; sso?: boolean }) => {
        setTeamsAppId(c.teamsAppId);
        setSso(c.sso === true);
      })
      .catch(() => undefined);
    // Back, Forward and links within the page (hash changes).
    const onHistory = () => setView(initialView());
    window.addEventListener('popstate', onHistory);
    return () => window.removeEventListener('popstate', onHistory);
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  // The owners' page only for the owners (the server checks again); anyone else who links to it sees the matrix.
  const section = sectionOf(view) === 'insights' && !admin ? 'matrix' : sectionOf(view);
  useEffect(() => {
    document.title = section === 'matrix' ? t.title : `${t.nav[section]} · ${t.title}`;
    if (!focusHeading.current) return;
    focusHeading.current = false;
    // Lazy views arrive a moment later; their heading is focused when it is there.
    const started = Date.now();
    const tryFocus = () => {
      const h = document.querySelector<HTMLElement>('main h2');
      if (h) h.focus({ preventScroll: false });
      else if (Date.now() - started < 3000) requestAnimationFrame(tryFocus);
    };
    tryFocus();
  }, [view, section, t]);

  const shared: SharedContext = useMemo(
    () => ({ lang, t, myRole, host, links: { teamsAppId, tabUrl: `${location.origin}/tab/` }, go, api }),
    [lang, t, myRole, host, teamsAppId, go, api],
  );

  return (
    <FluentProvider theme={THEMES[theme]} className={`app theme-${theme}`} data-theme={theme}>
      <Shared.Provider value={shared}>
        <a
          className="skip-link"
          href="#main"
          onClick={(e) => {
            e.preventDefault();
            document.querySelector<HTMLElement>('main h2')?.focus();
          }}
        >
          {t.skipToContent}
        </a>
        <header className="top">
          <div className="brand">
            <h1>{t.title}</h1>
            <p className="subtitle">{t.subtitle}</p>
          </div>
          <label className="my-role">
            <span className="my-role-label">{t.myRole}</span>
            <Select
              size="small"
              value={myRole ?? ''}
              aria-describedby="role-note"
              onChange={(_e, d) => setMyRole(isRoleId(d.value) ? d.value : undefined)}
            >
              <option value="">{t.noRole}</option>
              {roles().map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
            </Select>
            <span id="role-note" className="role-note" data-source={roleSource}>
              {roleNote(lang, roleSource)}
            </span>
          </label>
        </header>
        <nav aria-label={t.sections}>
          <TabStrip
            label={t.sections}
            items={SECTIONS.filter((s) => s !== 'insights' || admin).map((s) => ({ value: s, label: t.nav[s] }))}
            selected={section}
            onSelect={(s) => go(defaultView(s, view, myRole), { focus: false })}
          />
        </nav>
        <main id="main" className="scroll">
          <Suspense fallback={<p className="loading">{t.loading}</p>}>
            {section === 'matrix' && <MatrixView focus={view.view === 'cell' ? view : undefined} />}
            {section === 'wheel' && <WheelView />}
            {view.view === 'role' && <RoleView row={view.row} />}
            {view.view === 'perspective' && <ChainView perspective={view.perspective} />}
            {section === 'search' && <SearchView />}
            {section === 'about' && <AboutView />}
            {section === 'insights' && <InsightsView />}
          </Suspense>
        </main>
      </Shared.Provider>
    </FluentProvider>
  );
}

function defaultView(section: Section, current: TabView, myRole?: RoleId): TabView {
  if (section === 'role') return { view: 'role', row: current.view === 'cell' ? current.row : (myRole ?? 'alle') };
  if (section === 'perspective') return { view: 'perspective', perspective: current.view === 'cell' ? current.perspective : 'driften' };
  return { view: section };
}
