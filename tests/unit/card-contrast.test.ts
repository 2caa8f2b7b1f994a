// Every text colour on every card, as the adaptivecards library resolves
// it in Teams' light, dark and high-contrast host configs, reads at WCAG AA
// (4.5:1) against the background it sits on.
import * as AC from 'adaptivecards';
import dark from '../helpers/host-configs/teams-dark.json';
import highContrast from '../helpers/host-configs/teams-high-contrast.json';
import light from '../helpers/host-configs/teams-light.json';
import { allCards } from '../helpers/all-cards';

type Rgba = [number, number, number, number];
/** "#RRGGBB" or the host config's "#AARRGGBB". */
const parse = (hex: string): Rgba => {
  const h = hex.replace('#', '');
  const [a, rgb] = h.length === 8 ? [parseInt(h.slice(0, 2), 16) / 255, h.slice(2)] : [1, h];
  return [0, 2, 4].map((i) => parseInt(rgb.slice(i, i + 2), 16)).concat(a) as Rgba;
};
const over = (fg: Rgba, bg: Rgba): Rgba => [0, 1, 2].map((i) => fg[i] * fg[3] + bg[i] * (1 - fg[3])).concat(1) as Rgba;
const channel = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const luminance = (c: Rgba) => 0.2126 * channel(c[0]) + 0.7152 * channel(c[1]) + 0.0722 * channel(c[2]);
export const contrast = (fg: string, bg: string, page = '#FFFFFF'): number => {
  const back = over(parse(bg), parse(page));
  const [hi, lo] = [luminance(over(parse(fg), back)), luminance(back)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};

const COLOR_NAMES: Record<number, 'default' | 'dark' | 'light' | 'accent' | 'good' | 'warning' | 'attention'> = {
  [AC.TextColor.Default]: 'default',
  [AC.TextColor.Dark]: 'dark',
  [AC.TextColor.Light]: 'light',
  [AC.TextColor.Accent]: 'accent',
  [AC.TextColor.Good]: 'good',
  [AC.TextColor.Warning]: 'warning',
  [AC.TextColor.Attention]: 'attention',
};

/** Every TextBlock in a parsed card, with the colours the host config gives it. */
function texts(card: AC.AdaptiveCard, page: string): { text: string; ratio: number }[] {
  const out: { text: string; ratio: number }[] = [];
  const visit = (el: AC.CardElement) => {
    if (el instanceof AC.TextBlock) {
      const style = el.getEffectiveStyleDefinition();
      const set = style.foregroundColors[COLOR_NAMES[el.color ?? AC.TextColor.Default]];
      const fg = el.isSubtle ? set.subtle : set.default;
      out.push({ text: el.text ?? '', ratio: contrast(fg, style.backgroundColor ?? page, page) });
    }
    if (el instanceof AC.CardElementContainer) for (let i = 0; i < el.getItemCount(); i++) visit(el.getItemAt(i));
  };
  visit(card);
  return out;
}

const configs = { light, dark, 'high contrast': highContrast } as const;
const pages = { light: '#FFFFFF', dark: '#2D2C2C', 'high contrast': '#000000' } as const;
const cards = allCards();

describe.each(Object.keys(configs) as (keyof typeof configs)[])('cards in Teams %s', (theme) => {
  it.each(cards.map((c) => [c.name, c.card] as const))('%s: every text reads at 4.5:1 or more', (_name, json) => {
    const card = new AC.AdaptiveCard();
    card.hostConfig = new AC.HostConfig(configs[theme]);
    card.parse(json, new AC.SerializationContext(AC.Versions.v1_5));
    const found = texts(card, pages[theme]);
    expect(found.length).toBeGreaterThan(0);
    const low = found.filter((t) => t.ratio < 4.5).map((t) => `${t.ratio.toFixed(2)}:1 “${t.text.slice(0, 40)}”`);
    expect(low).toEqual([]);
  });

  it('would catch a perspective colour used as text, as the cards had it', () => {
    const card = new AC.AdaptiveCard();
    card.hostConfig = new AC.HostConfig(configs[theme]);
    const heading = (color: string) => ({ type: 'TextBlock', text: `Mit bidrag til … (${color})`, color, weight: 'Bolder' });
    card.parse({ type: 'AdaptiveCard', version: '1.5', body: [heading('Warning'), heading('Good')] });
    const ratios = texts(card, pages[theme]).map((t) => t.ratio);
    // Teams light: Warning #F8D22A on white is 1.47:1, Good #92C353 2.07:1.
    if (theme === 'light') expect(ratios.map((r) => r.toFixed(2))).toEqual(['1.47', '2.07']);
    if (theme === 'dark') expect(Math.min(...ratios)).toBeGreaterThan(4.5);
  });
});
