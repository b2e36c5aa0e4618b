// Tallies keyed by words that come from upstream (statuses, actions, related-item names). A plain
// `{}` inherits `constructor`, `toString`, `__proto__`...: `counts["constructor"] ?? 0` is a function
// and `counts["__proto__"] = 1` changes the prototype. These objects have no prototype, so every
// word is an ordinary own key; JSON and the output schemas see them like any other record.

/** A record with no prototype: any string is an ordinary key. */
export function emptyRecord<V>(): Record<string, V> {
  return Object.create(null) as Record<string, V>;
}

/** Adds `n` to `counts[key]` (a null-prototype record from emptyRecord). */
export function addCount(counts: Record<string, number>, key: string, n = 1): void {
  counts[key] = (counts[key] ?? 0) + n;
}

/** Counts per key, as a null-prototype record. */
export function tally<T>(items: Iterable<T>, key: (item: T) => string): Record<string, number> {
  const counts = emptyRecord<number>();
  for (const item of items) addCount(counts, key(item));
  return counts;
}
