// "Min rolle": in Teams with single sign-on, the role the bot keeps for this
// person (GET/PUT /api/me with the token teams-js gives), so the tab and the
// chat share one. Outside Teams, or when sign-on fails, a choice kept in this
// browser, and the tab says which of the two it is.
import { useCallback, useEffect, useRef, useState } from 'react';
import { isRoleId, type RoleId } from '../../data/charter';
import type { TeamsHost } from './teams';
import { storedRole, storeRole } from './view-state';

/** Where the role lives: the person's own record (Teams), this browser, or not known yet. */
export type RoleSource = 'teams' | 'local' | 'failed' | 'checking';

const TOKEN_TIMEOUT_MS = 8000;

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return Promise.race([p, new Promise<T>((_r, reject) => setTimeout(() => reject(new Error('timeout')), ms))]);
}

export function useMyRole(host: TeamsHost | undefined, sso: boolean | undefined) {
  const [role, setRole] = useState<RoleId | undefined>(storedRole);
  // Until the server has answered, a signed-in tab is 'checking'; without Teams or SSO it is 'local'.
  const [answered, setSource] = useState<Exclude<RoleSource, 'checking'>>();
  const source: RoleSource = answered ?? (host && sso ? 'checking' : 'local');
  const [admin, setAdmin] = useState(false);
  const signedIn = useRef(false);

  const api = useCallback(
    async (path: string, init: RequestInit = {}): Promise<Response> => {
      if (!host) throw new Error('not in Teams');
      const token = await withTimeout(host.getAuthToken(), TOKEN_TIMEOUT_MS);
      return fetch(path, { ...init, headers: { ...init.headers, authorization: `Bearer ${token}` } });
    },
    [host],
  );

  useEffect(() => {
    if (!host || !sso) return;
    let live = true;
    void (async () => {
      try {
        const res = await api('/api/me');
        if (!res.ok) throw new Error(String(res.status));
        const me = (await res.json()) as { role: string | null; admin: boolean };
        if (!live) return;
        let mine = isRoleId(me.role) ? me.role : undefined;
        const local = storedRole();
        // A choice made in this browser before sign-on becomes the person's role, once, if they had none.
        if (!mine && local && (await api('/api/me', putRole(local))).ok) mine = local;
        signedIn.current = true;
        setRole(mine);
        storeRole(mine);
        setAdmin(me.admin === true);
        setSource('teams');
      } catch {
        if (live) setSource('failed');
      }
    })();
    return () => {
      live = false;
    };
  }, [host, sso, api]);

  const choose = useCallback(
    (next: RoleId | undefined) => {
      setRole(next);
      storeRole(next);
      if (!signedIn.current) return;
      api('/api/me', putRole(next))
        .then((res) => {
          if (!res.ok) throw new Error(String(res.status));
        })
        .catch(() => {
          signedIn.current = false;
          setSource('failed');
        });
    },
    [api],
  );

  return { role, choose, source, admin, api: source === 'teams' ? api : undefined };
}

const putRole = (role: RoleId | undefined): RequestInit => ({
  method: 'PUT',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ role: role ?? null }),
});
