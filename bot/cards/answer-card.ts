import type { FeedbackData } from '../answers/feedback';
import template from './answer.json';
import { withFeedback } from './feedback-part';
import { cardTemplate, type AdaptiveCardJson, type Button } from './render';

export type ContainerStyle = 'default' | 'emphasis' | 'accent' | 'good' | 'warning' | 'attention';

export interface CardStatement {
  id: string;
  text: string;
  /** The perspective pages' wording, where it differs. */
  note?: string;
}

export interface AnswerCardData {
  intent: string;
  fallbackText: string;
  /** `lead`: a line under the title, e.g. which charter role a job title is. */
  header: { title: string; subtitle?: string; lead?: string; style: ContainerStyle };
  sections: { heading?: string; subheading?: string; style?: ContainerStyle; statements: CardStatement[] }[];
  more?: string;
  /** A collapsed part, e.g. what everyone commits to. */
  context?: { toggleTitle: string; heading: string; statements: CardStatement[] };
  buttonRows: { label: string; buttons: Button[] }[];
  openUrl?: { title: string; url: string };
  feedback: FeedbackData;
}

const expand = cardTemplate<Omit<AnswerCardData, 'feedback'>>(template);

/** An answer quoting charter statements verbatim. */
export function renderAnswerCard(data: AnswerCardData): AdaptiveCardJson {
  // The template cannot leave a property out, so give optional ones their defaults.
  const { feedback, ...body } = data;
  const sections = body.sections.map((s) => ({ style: 'default' as const, ...s }));
  return withFeedback(expand({ ...body, header: { lead: undefined, ...body.header }, sections }), data.intent, feedback);
}
