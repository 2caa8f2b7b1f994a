// The message extension's own words, Danish and English. Charter text
// (statements, role names, perspective titles) is never translated.
import type { Language } from '../../data/language/language';

const da = {
  open: 'Åbn i Hvidovrevejen',
  page: (pages: string) => `s. ${pages}`,
  everyone: 'Det forpligter vi os alle til',
  noResults: (query: string) => `Ingen udsagn matcher «${query}». Prøv fx «feedback», «driften» eller «mit bidrag til velfærd».`,
};

const en: typeof da = {
  open: 'Open in Hvidovrevejen',
  page: (pages: string) => `p. ${pages}`,
  everyone: 'What we all commit to',
  noResults: (query: string) => `No statement matches “${query}”. Try “feedback”, “operations” or “my contribution to welfare”.`,
};

/** `da-*` (or no locale) gives Danish labels, any other locale English. */
export const extensionLanguage = (locale?: string): Language => (!locale || /^da(-|$)/i.test(locale) ? 'da' : 'en');

export const extensionStrings = (language: Language) => (language === 'en' ? en : da);

/** Invoke errors: read by Teams and developers, not shown in a chat, so one language. */
export const extensionErrors = {
  unknownCommand: (id: string) => `Unknown command "${id.slice(0, 64)}".`,
  notTabLink: 'The link does not point to a statement or perspective in the Hvidovrevejen tab.',
};
