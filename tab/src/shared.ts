import { createContext, useContext } from 'react';
import type { RoleId } from '../../data/charter';
import type { TabView } from '../../data/deep-links';
import type { Lang, Strings } from './i18n';
import type { TeamsHost } from './teams';

export interface SharedContext {
  lang: Lang;
  t: Strings;
  myRole?: RoleId;
  host?: TeamsHost;
  links: { teamsAppId?: string; tabUrl: string };
  /** Our API with the Teams sign-on token (the owners' page); undefined when not signed in. */
  api?: (path: string) => Promise<Response>;
  /** Opens a view with a history entry; its heading takes the focus unless `focus` is false. */
  go: (view: TabView, opts?: { focus?: boolean }) => void;
}

export const Shared = createContext<SharedContext | null>(null);

/** The tab's shared state; every view renders inside the app's provider. */
export function useShared(): SharedContext {
  const shared = useContext(Shared);
  if (!shared) throw new Error('useShared() outside <Shared.Provider>');
  return shared;
}
