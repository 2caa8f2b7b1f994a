import type { FeedbackData } from '../answers/feedback';
import template from './info.json';
import { withFeedback } from './feedback-part';
import { cardTemplate, type AdaptiveCardJson, type Button } from './render';

export interface InfoCardData {
  intent: string;
  fallbackText: string;
  title: string;
  subtitle?: string;
  paragraphs: string[];
  list: string[];
  /** Paragraphs after the list, each its own block so they stand apart. */
  after: string[];
  facts?: { title: string; value: string }[];
  footer?: string;
  buttons: Button[];
  openUrl?: { title: string; url: string };
  feedback: FeedbackData;
}

const expand = cardTemplate<Omit<InfoCardData, 'feedback'>>(template);

/** Charter prose quoted verbatim: foreword, values, Den Nye Syntese. */
export function renderInfoCard(data: InfoCardData): AdaptiveCardJson {
  const { feedback, ...body } = data;
  return withFeedback(expand(body), data.intent, feedback);
}
