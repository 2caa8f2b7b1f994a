// The bot's own words in Danish and English. Charter text is never
// translated: it is quoted as it stands.
import type { Language } from '../data/language/language';

const da = {
  everyoneToggle: 'Vis hvad vi alle forpligter os til',
  everyoneHeading: 'Det gælder for os alle',
  otherPerspectives: 'Samme rolle, andre perspektiver',
  otherRoles: 'Samme perspektiv, andre roller',
  chainOtherPerspectives: 'Hele kæden for et andet perspektiv',
  roleOtherRoles: 'Alt for en anden rolle',
  titleIs: (title: string, role: string) => `Som ${title} er du **${role}** i Hvidovrevejen.`,
  roleSetAs: (title: string, role: string) => `Tak! Som ${title} er du **${role}** i Hvidovrevejen – det har jeg noteret.`,
  feedbackChanged: (vote: string) => `Tak – din stemme er nu ${vote}.`,
  teamWelcomeText:
    'Jeg kender vores ledelses- og medarbejdergrundlag og svarer med dets egne ord. Her i kanalen svarer jeg, når I skriver @Hvidovrevejen foran spørgsmålet – eller skriv til mig i en personlig chat, så svarer jeg for netop din rolle.',
  openInTab: 'Åbn i Hvidovrevejen-fanen',
  helpful: 'Var svaret nyttigt?',
  yes: '👍 Ja',
  no: '👎 Nej',
  wordingNote: (page: number, text: string) => `Ordlyd på s. ${page}: ${text}`,
  pages: (pages: string) => `Side ${pages} i grundlaget`,
  allFor: (role: string) => `Alt for ${role}`,
  roleTitle: (role: string) => `${role}: roller, opgaver og ansvar`,
  everyoneTitle: 'Det forpligter vi os alle til',
  chainTitle: 'Hele kæden – fra Direktion til Medarbejder',
  chainButton: 'Se hele kæden',
  whatEachRole: 'Hvad hver rolle bidrager med',
  topicTitle: (words: string) => `Det står der om «${words}»`,
  topicMore: (n: number) => `… og ${n} mere. Åbn fanen for at se alle.`,
  overviewTitle: 'De fire perspektiver',
  overviewText: 'Alle er lige vigtige. I midten står borgere og lokalsamfund.',
  didYouMean: 'Mente du …?',
  didYouMeanText: 'Jeg er ikke helt sikker på, hvad du spørger om. Vælg det, der passer:',
  pickRoleTitle: 'Hvad er din rolle?',
  pickRoleText: 'Vælg din rolle, så svarer jeg for netop dig. Du kan altid skifte med «skift rolle».',
  roleSet: (role: string) => `Tak! Jeg har noteret, at din rolle er **${role}**.`,
  roleIs: (role: string) => `Din rolle er **${role}**. Skriv «skift rolle», hvis den er forkert.`,
  roleUnknown: 'Jeg kender ikke din rolle endnu.',
  changeRole: 'Skift rolle',
  outOfScopeTitle: 'Det kan jeg desværre ikke svare på',
  outOfScopeText: 'Jeg kender kun Hvidovrevejen – vores ledelses- og medarbejdergrundlag. Prøv fx at spørge sådan her:',
  helpTitle: 'Det kan du spørge mig om',
  helpText: 'Skriv som til en kollega. Jeg svarer med grundlagets egne ord.',
  welcomeTitle: 'Velkommen til Hvidovrevejen',
  welcomeText:
    'Jeg kender vores ledelses- og medarbejdergrundlag og svarer med dets egne ord. Prøv et af spørgsmålene herunder – eller skriv dit eget.',
  thanks: 'Selv tak! Spørg endelig igen, når du vil.',
  feedbackThanks: 'Tak for din tilbagemelding – den hjælper os med at gøre svarene bedre.',
  memoryDown:
    'Jeg kan ikke huske din rolle lige nu, så jeg kan ikke svare for netop dig. Prøv igen om lidt – spørgsmål om Hvidovrevejen kan jeg stadig svare på.',
  roleNotSaved: 'Jeg kan ikke gemme din rolle lige nu, så jeg spørger igen næste gang.',
  weeklyMemoryDown: 'Jeg kan ikke huske kanaler og abonnementer lige nu. Prøv igen om lidt.',
  valuesTitle: 'Vores værdier',
  aboutTitle: 'Hvidovrevejen',
  synthesisTitle: 'Den Nye Syntese',
  readingGuide: 'Sådan læser du grundlaget',
  signed: 'Underskrevet af',
  examples: [
    'Hvad er mit ansvar for driften?',
    'Hvem gør hvad for en robust organisation?',
    'Hvor står der noget om feedback?',
    'Hvad er de fire perspektiver?',
  ],
  centre: 'I midten: Borgere og lokalsamfund',
};

type Strings = typeof da;

const en: Strings = {
  everyoneToggle: 'Show what we all commit to',
  everyoneHeading: 'What applies to all of us',
  otherPerspectives: 'Same role, other perspectives',
  otherRoles: 'Same perspective, other roles',
  chainOtherPerspectives: 'The whole chain for another perspective',
  roleOtherRoles: 'Everything for another role',
  titleIs: (title: string, role: string) => `As a ${title} you are **${role}** in Hvidovrevejen.`,
  roleSetAs: (title: string, role: string) => `Thanks! As a ${title} you are **${role}** in Hvidovrevejen – I have noted that.`,
  feedbackChanged: (vote: string) => `Thank you – your vote is now ${vote}.`,
  teamWelcomeText:
    'I know our leadership and employee charter and answer with its own words. In this channel I answer when you write @Hvidovrevejen before your question – or write to me in a personal chat and I answer for your own role.',
  openInTab: 'Open in the Hvidovrevejen tab',
  helpful: 'Was this helpful?',
  yes: '👍 Yes',
  no: '👎 No',
  wordingNote: (page: number, text: string) => `Wording on p. ${page}: ${text}`,
  pages: (pages: string) => `Pages ${pages} of the charter`,
  allFor: (role: string) => `All for ${role}`,
  roleTitle: (role: string) => `${role}: roles, tasks and responsibilities`,
  everyoneTitle: 'What we all commit to',
  chainTitle: 'The whole chain – from Direktion to Medarbejder',
  chainButton: 'See the whole chain',
  whatEachRole: 'What each role contributes',
  topicTitle: (words: string) => `What the charter says about “${words}”`,
  topicMore: (n: number) => `… and ${n} more. Open the tab to see them all.`,
  overviewTitle: 'The four perspectives',
  overviewText: 'All four matter equally. Citizens and the local community are at the centre.',
  didYouMean: 'Did you mean …?',
  didYouMeanText: 'I am not quite sure what you are asking. Pick the one that fits:',
  pickRoleTitle: 'What is your role?',
  pickRoleText: 'Pick your role and I will answer for you. You can always change it with “change role”.',
  roleSet: (role: string) => `Thanks! I have noted that your role is **${role}**.`,
  roleIs: (role: string) => `Your role is **${role}**. Write “change role” if that is wrong.`,
  roleUnknown: 'I do not know your role yet.',
  changeRole: 'Change role',
  outOfScopeTitle: 'I am afraid I cannot answer that',
  outOfScopeText: 'I only know Hvidovrevejen, our leadership and employee charter. Try asking like this:',
  helpTitle: 'What you can ask me',
  helpText: 'Write as you would to a colleague. I answer with the charter’s own words (in Danish).',
  welcomeTitle: 'Welcome to Hvidovrevejen',
  welcomeText:
    'I know our leadership and employee charter and answer with its own words. Try one of the questions below, or write your own.',
  thanks: 'You are welcome! Ask again any time.',
  feedbackThanks: 'Thank you for your feedback – it helps us improve the answers.',
  memoryDown:
    'I cannot remember your role right now, so I cannot answer for you in particular. Please try again shortly – I can still answer questions about Hvidovrevejen.',
  roleNotSaved: 'I cannot save your role right now, so I will ask again next time.',
  weeklyMemoryDown: 'I cannot remember channels and subscriptions right now. Please try again shortly.',
  valuesTitle: 'Our values',
  aboutTitle: 'Hvidovrevejen',
  synthesisTitle: 'Den Nye Syntese (The New Synthesis)',
  readingGuide: 'How to read the charter',
  signed: 'Signed by',
  examples: [
    'What is my responsibility for operations?',
    'Who does what for a robust organisation?',
    'Where does it mention feedback?',
    'What are the four perspectives?',
  ],
  centre: 'At the centre: Borgere og lokalsamfund (citizens and the local community)',
};

export const strings = (language: Language): Strings => (language === 'en' ? en : da);

/**
 * When a turn fails we cannot trust what we read of it, its language
 * included, so the one apology says it in both.
 */
export const APOLOGY = 'Beklager, der gik noget galt hos mig. Prøv igen om lidt. (Sorry, something went wrong. Please try again shortly.)';
