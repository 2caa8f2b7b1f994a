// Names people recognise for where a post goes: "Team › Kanal", a group
// chat's topic, or "Gruppechat med …" from its members; never a raw id.
import type { Language } from '../../data/language/language';
import { strings } from '../i18n';
import type { Installation } from './store';

/** "A, B og C" / "A, B, C og 4 andre". */
function list(names: string[], language: Language): string {
  const t = strings(language).weekly;
  const shown = names.slice(0, 3);
  const rest = names.length - shown.length;
  const items = rest > 0 ? [...shown, t.others(rest)] : shown;
  return items.length > 1 ? `${items.slice(0, -1).join(', ')} ${t.and} ${items[items.length - 1]}` : (items[0] ?? '');
}

export function displayName(i: Installation, language: Language): string {
  const t = strings(language).weekly;
  const n = i.names ?? {};
  if (i.kind === 'groupChat') {
    if (n.topic) return n.topic;
    if (i.memberNames?.length) return t.groupChatWith(list(i.memberNames, language));
    return i.name ?? t.groupChat;
  }
  // A team's General channel has the team's id and comes without a name.
  const channel = n.channel ?? (i.teamId && i.teamId === i.conversationId ? t.general : undefined);
  if (n.team) return channel ? `${n.team} › ${channel}` : n.team;
  return i.name ?? channel ?? t.unnamed;
}
