// Labels never overflow their boxes: a label too wide for its box is cut and ends in "…", measured
// with the font it is drawn in (a canvas measures; a character estimate stands in without one).

/** Measures a string's width in px. */
export type Measure = (text: string) => number;

/** Cuts `text` to fit `width` (adds "…" when cut); '' when not even "…" fits. */
export function fitText(text: string, width: number, measure: Measure): string {
  if (measure(text) <= width) return text;
  const ell = '…';
  if (measure(ell) > width) return '';
  // Binary search on the prefix length: measure is monotonic in it.
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(text.slice(0, mid) + ell) <= width) lo = mid;
    else hi = mid - 1;
  }
  return text.slice(0, lo).trimEnd() + ell;
}

/** A cached measurer for a CSS font (canvas in the browser; ~0.6 em per character elsewhere). */
export function measurer(font: string, px: number): Measure {
  const cache = new Map<string, number>();
  let ctx: { measureText(t: string): { width: number }; font: string } | null = null;
  if (typeof document !== 'undefined') {
    ctx = document.createElement('canvas').getContext('2d');
    if (ctx) ctx.font = font;
  }
  return (text) => {
    let w = cache.get(text);
    if (w === undefined) {
      w = ctx ? ctx.measureText(text).width : text.length * px * 0.6;
      if (cache.size > 5000) cache.clear();
      cache.set(text, w);
    }
    return w;
  };
}
