// Cutting text for an answer. Only ever apply it to text that is already redacted: a cut through an
// unredacted secret leaves a piece that redaction no longer recognises.

/** `text` when it fits in `max` characters, else its start and an ellipsis (max characters in all). */
export function cutRedacted(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** How much of a failure an answer quotes (a region's error, a progress look-up's): redacted first. */
export const QUOTED_ERROR_MAX = 500;

/**
 * An integer with comma thousands separators ("100,000"), as toLocaleString("en-US") writes it but
 * without Intl: the first Intl call loads ICU data (tens of ms), which start-up must not pay.
 */
export function groupThousands(n: number): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}
