// Short button labels for an interpretation ("Centerchef · Sammen sikrer vi driften").
import { perspective, row } from '../../data/charter';
import type { Language } from '../../data/language/language';
import type { Interpretation } from '../../data/language/recognizer';
import { topicName } from '../../data/language/search';
import { strings } from '../i18n';

export function label(i: Interpretation, language: Language): string {
  const t = strings(language);
  const s = i.slots;
  const who = s.role ? row(s.role).name : s.self ? (language === 'en' ? 'My role' : 'Min rolle') : undefined;
  const what = s.perspective ? perspective(s.perspective).title : undefined;
  switch (i.intent) {
    case 'cell':
      return `${who} · ${what}`;
    case 'role':
      return who ? t.allFor(who) : t.helpTitle;
    case 'perspective':
      return `${what} (${t.everyoneTitle.toLowerCase()})`;
    case 'chain':
      return `${what}: ${t.chainButton.toLowerCase()}`;
    case 'setRole':
      return who ?? t.changeRole;
    case 'topic':
      return topicName(s.terms ?? []);
    case 'overview':
      return t.overviewTitle;
    case 'synthesis':
      return t.synthesisTitle;
    case 'values':
      return t.valuesTitle;
    case 'about':
      return t.aboutTitle;
    default:
      return t.helpTitle;
  }
}
