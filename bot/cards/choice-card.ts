import template from './choice.json';
import { cardTemplate, type AdaptiveCardJson, type Button } from './render';

export interface ChoiceCardData {
  intent: string;
  fallbackText: string;
  title: string;
  subtitle?: string;
  text?: string;
  /** Coloured bullet lines, e.g. the four perspectives. */
  lines: { text: string; color: string }[];
  footer?: string;
  buttons: Button[];
}

const expand = cardTemplate<ChoiceCardData>(template);

/** A short message with buttons: welcome, help, role picker, "Mente du …?". */
export function renderChoiceCard(data: ChoiceCardData): AdaptiveCardJson {
  return expand(data);
}
