import type { FeedbackData } from '../answers/feedback';
import type { ContainerStyle } from './answer-card';
import template from './choice.json';
import { withFeedback } from './feedback-part';
import { cardTemplate, type AdaptiveCardJson, type Button } from './render';

export interface ChoiceCardData {
  intent: string;
  fallbackText: string;
  title: string;
  subtitle?: string;
  text?: string;
  /** Lines each with a coloured stripe (a container style, never a text colour), e.g. the four perspectives. */
  lines: { text: string; style: ContainerStyle }[];
  footer?: string;
  /** Stacked full-width choices whose titles wrap, however long. */
  buttons: Button[];
  feedback?: FeedbackData;
}

const expand = cardTemplate<Omit<ChoiceCardData, 'feedback'>>(template);

/** A short message with buttons: welcome, help, role picker, "Mente du …?". */
export function renderChoiceCard(data: ChoiceCardData): AdaptiveCardJson {
  const { feedback, ...body } = data;
  return withFeedback(expand(body), data.intent, feedback);
}
