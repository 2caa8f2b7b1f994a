// What a channel's configurable tab saves with pages.config.setConfig.
// Pure, so the config page and the tests share it.
import { perspective, row } from '../../data/charter';
import { subPageId, type TabView } from '../../data/deep-links';

export interface TabConfig {
  entityId: string;
  contentUrl: string;
  websiteUrl: string;
  suggestedDisplayName: string;
}

export function tabConfig(view: TabView, origin: string): TabConfig {
  const sub = subPageId(view);
  const name =
    view.view === 'perspective'
      ? `Hvidovrevejen · ${perspective(view.perspective).heading}`
      : view.view === 'role'
        ? `Hvidovrevejen · ${row(view.row).name}`
        : 'Hvidovrevejen';
  return {
    entityId: `hvidovrevejen-${sub.replace(/\//g, '-')}`,
    contentUrl: `${origin}/tab/?view=${encodeURIComponent(sub)}`,
    websiteUrl: `${origin}/tab/#${sub}`,
    suggestedDisplayName: name,
  };
}
