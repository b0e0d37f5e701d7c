// Shortening a card's text to fit: cut after a whole word (or a URL's or address's part), never in the
// middle of one, and end with an ellipsis.

const ELLIPSIS = '…';
/** A cut may come after whitespace or after one of these separators (so `ws://host:5673/amqp` can shorten at `/`). */
const SEPARATOR = /[\s/:.,;_\-?&=@]/;

/** Where the text may be cut: after each separator, the cut keeping everything before it. */
function cutPoints(text: string): number[] {
  const points: number[] = [];
  for (let i = 1; i < text.length; i += 1) {
    if (SEPARATOR.test(text[i - 1]!) && !SEPARATOR.test(text[i]!)) points.push(i);
  }
  return points;
}

/**
 * The longest prefix of `text` that ends at a word boundary and, with an ellipsis, `fits`; the text as
 * is when it fits whole. When not even the first word fits, the first word with its ellipsis (the
 * box clips it, still whole words in the tooltip).
 */
export function shortenAtWord(text: string, fits: (candidate: string) => boolean): string {
  if (fits(text)) return text;
  const shorten = (at: number) => `${text.slice(0, at).trimEnd()}${ELLIPSIS}`;
  const points = cutPoints(text);
  if (points.length === 0) return text;
  // fits is monotonic in the prefix's length: binary search for the last cut that fits.
  let lo = 0;
  let hi = points.length - 1;
  let best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (fits(shorten(points[mid]!))) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return shorten(points[Math.max(best, 0)]!);
}

/** At most `maxChars` characters (ellipsis included), cut at a word boundary. */
export function shortenToChars(text: string, maxChars: number): string {
  return shortenAtWord(text, (s) => s.length <= maxChars);
}
