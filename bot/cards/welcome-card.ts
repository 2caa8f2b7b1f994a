import { charter, perspectives, role, roles, type RoleId } from '../../data/charter';
import template from './welcome.json';
import { expandTemplate, type AdaptiveCardJson } from './render';

export interface WelcomeCardData {
  title: string;
  subtitle: string;
  intro: string;
  perspectives: { title: string; syntheseName: string; cardColor: string }[];
  centreLine: string;
  roleLine: string;
  roles: { id: RoleId; name: string }[];
  fallbackText: string;
}

// Adaptive Cards only know named colours; these match each perspective's hue.
export const CARD_COLOR: Record<string, string> = { driften: 'Accent', resultaterne: 'Warning', velfaerd: 'Good', robust: 'Attention' };

export function welcomeCardData(myRole?: RoleId): WelcomeCardData {
  const list = perspectives().map((p) => ({ title: p.title, syntheseName: p.syntheseName, cardColor: CARD_COLOR[p.id] }));
  const intro =
    'Hej! Jeg kender Hvidovrevejen – vores ledelses- og medarbejdergrundlag. Snart kan du spørge mig om, hvad din rolle bidrager med. ' +
    '(Hi! I know Hvidovrevejen, our leadership and employee charter.)';
  return {
    title: charter.name,
    subtitle: charter.title,
    intro,
    perspectives: list,
    centreLine: `I midten: ${charter.centre.title}`,
    roleLine: myRole
      ? `Din rolle: ${role(myRole).name}. Vælg en anden herunder, hvis den er forkert. (Your role; pick another if it is wrong.)`
      : 'Hvad er din rolle? Vælg herunder, så kan jeg svare for netop dig. (What is your role? Pick one below.)',
    roles: roles().map((r) => ({ id: r.id as RoleId, name: r.name })),
    fallbackText: `${charter.name}: ${list.map((p) => `${p.title} (${p.syntheseName})`).join('; ')}.`,
  };
}

export function renderWelcomeCard(data: WelcomeCardData): AdaptiveCardJson {
  return expandTemplate(template, data);
}
