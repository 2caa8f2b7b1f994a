// Follows Teams' theme when in Teams; outside it, the system's colour scheme
// and forced-colours (high contrast) setting, live.
import { useEffect, useState } from 'react';
import type { TeamsHost, ThemeName } from './teams';

const systemTheme = (): ThemeName =>
  matchMedia('(forced-colors: active)').matches ? 'contrast' : matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'default';

export function useTheme(host: Pick<TeamsHost, 'theme' | 'onThemeChange'> | undefined): ThemeName {
  const [theme, setTheme] = useState<ThemeName>(() => (new URLSearchParams(location.search).get('theme') as ThemeName) || systemTheme());
  // Inside Teams the host's theme rules until it announces a change.
  const [hostTheme, setHostTheme] = useState<ThemeName>();
  useEffect(() => {
    if (host) {
      host.onThemeChange(setHostTheme);
      return undefined;
    }
    const queries = [matchMedia('(forced-colors: active)'), matchMedia('(prefers-color-scheme: dark)')];
    const update = () => setTheme(systemTheme());
    queries.forEach((q) => q.addEventListener('change', update));
    return () => queries.forEach((q) => q.removeEventListener('change', update));
  }, [host]);
  return host ? (hostTheme ?? host.theme ?? 'default') : theme;
}

export function useNarrow(): boolean {
  const query = '(max-width: 599px)';
  const [narrow, setNarrow] = useState(() => matchMedia(query).matches);
  useEffect(() => {
    const q = matchMedia(query);
    const update = () => setNarrow(q.matches);
    q.addEventListener('change', update);
    return () => q.removeEventListener('change', update);
  }, []);
  return narrow;
}
