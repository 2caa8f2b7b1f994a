// Markup in a Teams message (<at>…</at> mentions, other tags), removed in
// one linear pass. Browser-safe.

const lower = (c: number) => (c >= 65 && c <= 90 ? c + 32 : c);
const isWordChar = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;

/**
 * Forward-only search for a fixed ASCII needle, case-insensitive. Queries
 * come in increasing order, so a result is reused until passed: every
 * character is examined a bounded number of times, whatever the input.
 */
function forwardFinder(text: string, needle: string): (from: number) => number {
  let cachedFrom = -1;
  let cached = -1;
  return (from) => {
    if (cachedFrom >= 0 && from >= cachedFrom && (cached === -1 || from <= cached)) return cached;
    cachedFrom = from;
    cached = -1;
    outer: for (let i = from; i + needle.length <= text.length; i++) {
      for (let k = 0; k < needle.length; k++) if (lower(text.charCodeAt(i + k)) !== needle.charCodeAt(k)) continue outer;
      cached = i;
      break;
    }
    return cached;
  };
}

/**
 * One left-to-right pass with the same result as the regexes
 * `<at\b[^>]*>.*?<\/at>` then `<[^>]+>` (each → a space), without their
 * quadratic backtracking on a run of "<".
 */
export function stripMarkup(text: string): string {
  const nextGt = forwardFinder(text, '>');
  const nextClose = forwardFinder(text, '</at>');
  // Pass 1: <at …>…</at> mentions.
  let out = '';
  let last = 0;
  for (let i = text.indexOf('<'); i >= 0 && i < text.length; i = text.indexOf('<', i + 1)) {
    if (lower(text.charCodeAt(i + 1)) !== 97 || lower(text.charCodeAt(i + 2)) !== 116) continue;
    if (i + 3 < text.length && isWordChar(text.charCodeAt(i + 3))) continue;
    const gt = nextGt(i + 3);
    const close = gt < 0 ? -1 : nextClose(gt + 1);
    if (close < 0) continue;
    out += text.slice(last, i) + ' ';
    last = close + 5;
    i = last - 1;
  }
  const once = out + text.slice(last);
  // Pass 2: any other tag. "<" with no ">" later (or "<>") stays as it is.
  const nextTagEnd = forwardFinder(once, '>');
  out = '';
  last = 0;
  for (let i = once.indexOf('<'); i >= 0; i = once.indexOf('<', i + 1)) {
    const gt = nextTagEnd(i + 1);
    if (gt < 0) break;
    if (gt === i + 1) continue;
    out += once.slice(last, i) + ' ';
    last = gt + 1;
    i = gt;
  }
  return out + once.slice(last);
}
