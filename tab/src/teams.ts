// The only module that talks to Teams. teams-js is loaded only inside an
// iframe, so a plain browser never waits for it: the tab renders at once.
export type ThemeName = 'default' | 'dark' | 'contrast';

export interface TeamsHost {
  locale?: string;
  theme?: ThemeName;
  subPageId?: string;
  frameContext?: string;
  onThemeChange(handler: (theme: ThemeName) => void): void;
  share(url: string, message: string): Promise<boolean>;
  /** A Teams single sign-on token for our API (authentication.getAuthToken); rejects when Teams gives none. */
  getAuthToken(): Promise<string>;
}

export const asTheme = (t?: string): ThemeName => (t === 'dark' ? 'dark' : t === 'contrast' ? 'contrast' : 'default');

/** Connects to Teams when framed by it; resolves undefined otherwise or after the timeout. */
export async function connectTeams(timeoutMs = 3000): Promise<TeamsHost | undefined> {
  if (window.parent === window && !window.opener) return undefined;
  try {
    const teams = await import('@microsoft/teams-js');
    const ready = teams.app.initialize().then(() => true);
    const timedOut = new Promise<false>((resolve) => setTimeout(() => resolve(false), timeoutMs));
    if (!(await Promise.race([ready, timedOut]))) return undefined;
    const context = await teams.app.getContext();
    void teams.app.notifySuccess();
    return {
      locale: context.app.locale,
      theme: asTheme(context.app.theme),
      subPageId: context.page.subPageId,
      frameContext: context.page.frameContext,
      onThemeChange: (handler) => teams.app.registerOnThemeChangeHandler((t) => handler(asTheme(t))),
      async share(url, message) {
        if (!teams.sharing.isSupported()) return false;
        await teams.sharing.shareWebContent({ content: [{ type: 'URL', url, message, preview: true }] });
        return true;
      },
      getAuthToken: () => teams.authentication.getAuthToken(),
    };
  } catch {
    return undefined;
  }
}
