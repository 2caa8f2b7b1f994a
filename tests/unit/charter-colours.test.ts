import { perspectives } from '../../data/charter';

// WCAG 2.1 relative luminance and contrast ratio.
const channel = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const luminance = (hex: string) => {
  const [r, g, b] = [1, 3, 5].map((i) => channel(parseInt(hex.slice(i, i + 2), 16) / 255));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};

describe('perspective colours', () => {
  it('are distinct', () => {
    expect(new Set(perspectives().map((p) => p.color.light)).size).toBe(4);
    expect(new Set(perspectives().map((p) => p.color.dark)).size).toBe(4);
  });

  it.each(perspectives().map((p) => [p.id, p.color] as const))(
    '%s reads as text at AA on the Teams light and dark backgrounds',
    (_id, color) => {
      for (const bg of ['#FFFFFF', '#F5F5F5']) expect(contrast(color.light, bg)).toBeGreaterThanOrEqual(4.5);
      for (const bg of ['#1F1F1F', '#292929']) expect(contrast(color.dark, bg)).toBeGreaterThanOrEqual(4.5);
    },
  );
});
