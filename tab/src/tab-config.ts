// What a channel's configurable tab saves with pages.config.setConfig.
// Pure, so the config page and the tests share it; the names come in, so the
// config page needs no charter text (charter-names.ts).
import type { CharterNames } from './charter-names';

export interface TabConfig {
  entityId: string;
  contentUrl: string;
  websiteUrl: string;
  suggestedDisplayName: string;
}

/** A view a channel can open on: `matrix`, `wheel`, `search`, `about`, `perspective/<id>` or `role/<id>`. */
export function tabConfig(sub: string, origin: string, names: CharterNames): TabConfig {
  const [view, id] = sub.split('/');
  const name =
    view === 'perspective'
      ? `Hvidovrevejen · ${names.perspectives.find((p) => p.id === id)?.heading ?? id}`
      : view === 'role'
        ? `Hvidovrevejen · ${names.rows.find((r) => r.id === id)?.name ?? id}`
        : 'Hvidovrevejen';
  return {
    entityId: `hvidovrevejen-${sub.replace(/\//g, '-')}`,
    contentUrl: `${origin}/tab/?view=${encodeURIComponent(sub)}`,
    websiteUrl: `${origin}/tab/#${sub}`,
    suggestedDisplayName: name,
  };
}
