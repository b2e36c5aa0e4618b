// Cutting text for an answer. Only ever apply it to text that is already redacted: a cut through an
// unredacted secret leaves a piece that redaction no longer recognises.

/** `text` when it fits in `max` characters, else its start and an ellipsis (max characters in all). */
export function cutRedacted(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** How much of a failure an answer quotes (a region's error, a progress look-up's): redacted first. */
export const QUOTED_ERROR_MAX = 500;
