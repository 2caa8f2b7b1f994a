import { useEffect, useMemo, useState } from 'react';
import { FluentProvider, Select, Tab, TabList, teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme } from '@fluentui/react-components';
import { isRoleId, roles, type RoleId } from '../../data/charter';
import type { TabView } from '../../data/deep-links';
import { langFromLocale, strings } from './i18n';
import { connectTeams, type TeamsHost } from './teams';
import { useTheme } from './use-theme';
import { initialView, showInUrl, storedRole, storeRole } from './view-state';
import { Shared, type SharedContext } from './shared';
import { MatrixView } from './views/matrix-view';
import { WheelView } from './views/wheel-view';
import { RoleView } from './views/role-view';
import { ChainView } from './views/chain-view';
import { SearchView } from './views/search-view';
import { AboutView } from './views/about-view';

const THEMES = { default: teamsLightTheme, dark: teamsDarkTheme, contrast: teamsHighContrastTheme };
type Section = 'matrix' | 'wheel' | 'role' | 'perspective' | 'search' | 'about';

const sectionOf = (v: TabView): Section => (v.view === 'cell' ? 'matrix' : v.view);

export function App() {
  const [host, setHost] = useState<TeamsHost>();
  const [view, setView] = useState<TabView>(() => initialView());
  const [myRole, setMyRole] = useState<RoleId | undefined>(storedRole);
  const [teamsAppId, setTeamsAppId] = useState<string>();
  const theme = useTheme(host);
  const lang = langFromLocale(host?.locale ?? new URLSearchParams(location.search).get('lang'));
  const t = strings(lang);

  useEffect(() => {
    void connectTeams().then((h) => {
      if (!h) return;
      setHost(h);
      if (h.subPageId) setView(initialView(h.subPageId));
    });
    fetch('app-config.json')
      .then((r) => (r.ok ? r.json() : {}))
      .then((c: { teamsAppId?: string }) => setTeamsAppId(c.teamsAppId))
      .catch(() => undefined);
    const onHash = () => setView(initialView());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  useEffect(() => showInUrl(view), [view]);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const shared: SharedContext = useMemo(
    () => ({ lang, t, myRole, host, links: { teamsAppId, tabUrl: `${location.origin}/tab/` }, go: setView }),
    [lang, t, myRole, host, teamsAppId],
  );
  const section = sectionOf(view);
  const sections: Section[] = ['matrix', 'wheel', 'role', 'perspective', 'search', 'about'];

  return (
    <FluentProvider theme={THEMES[theme]} className={`app theme-${theme}`} data-theme={theme}>
      <Shared.Provider value={shared}>
        <header className="top">
          <div>
            <h1>{t.title}</h1>
            <p className="subtitle">{t.subtitle}</p>
          </div>
          <label className="my-role">
            <span>{t.myRole}</span>
            <Select
              value={myRole ?? ''}
              onChange={(_e, d) => {
                const r = isRoleId(d.value) ? d.value : undefined;
                setMyRole(r);
                storeRole(r);
              }}
            >
              <option value="">{t.noRole}</option>
              {roles().map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
            </Select>
          </label>
        </header>
        <nav aria-label={t.title}>
          <TabList selectedValue={section} onTabSelect={(_e, d) => setView(defaultView(d.value as Section, view, myRole))}>
            {sections.map((s) => (
              <Tab key={s} value={s}>
                {t.nav[s]}
              </Tab>
            ))}
          </TabList>
        </nav>
        <main id="main">
          {section === 'matrix' && <MatrixView focus={view.view === 'cell' ? view : undefined} />}
          {section === 'wheel' && <WheelView />}
          {view.view === 'role' && <RoleView row={view.row} />}
          {view.view === 'perspective' && <ChainView perspective={view.perspective} />}
          {section === 'search' && <SearchView />}
          {section === 'about' && <AboutView />}
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
