// What the tab says about where "Min rolle" is kept (see use-my-role.ts). Its
// own small file, so the words stay beside the one place that shows them.
import type { Lang } from './i18n';
import type { RoleSource } from './use-my-role';

const NOTES: Record<Lang, Record<RoleSource, string>> = {
  da: {
    teams: 'Samme rolle som i chatten med botten.',
    local: 'Gemmes kun i denne browser.',
    failed: 'Teams-login lykkedes ikke – rollen gemmes kun i denne browser.',
    checking: 'Henter din rolle fra Teams …',
  },
  en: {
    teams: 'The same role as in your chat with the bot.',
    local: 'Kept in this browser only.',
    failed: 'Teams sign-in failed – your role is kept in this browser only.',
    checking: 'Getting your role from Teams …',
  },
};

export const roleNote = (lang: Lang, source: RoleSource): string => NOTES[lang][source];
