// What the sandbox saw, for tests and the demo: a bounded window of the latest requests, so a
// long `--sandbox` session does not keep every request forever. Indexes are absolute (the n-th
// request ever recorded), so `const before = log.length; ...; log.slice(before)` keeps working
// whatever the window has dropped in between.

/** Default window: far more than any one answer sends (10,000 tasks are 100 pages). */
export const DEFAULT_REQUEST_WINDOW = 10_000;

export class RequestLog<RecordedRequest> {
  private items: RecordedRequest[] = [];
  /** Absolute index of items[0]. */
  private dropped = 0;

  constructor(private readonly window = DEFAULT_REQUEST_WINDOW) {}

  /** How many requests were ever recorded (not how many are kept). */
  get length(): number {
    return this.dropped + this.items.length;
  }

  /** How many are kept now (at most the window). */
  get kept(): number {
    return this.items.length;
  }

  push(record: RecordedRequest): void {
    this.items.push(record);
    // Trimmed in batches, so recording stays O(1) amortised.
    if (this.items.length > this.window * 1.25) {
      const excess = this.items.length - this.window;
      this.items = this.items.slice(excess);
      this.dropped += excess;
    }
  }

  /** The request with absolute index `i` (negative: from the end), if it is still kept. */
  at(i: number): RecordedRequest | undefined {
    const abs = i < 0 ? this.length + i : i;
    return abs < this.dropped ? undefined : this.items[abs - this.dropped];
  }

  /** Absolute indexes, like Array.prototype.slice; requests no longer kept are left out. */
  slice(start = 0, end = this.length): RecordedRequest[] {
    const from = Math.max(0, (start < 0 ? this.length + start : start) - this.dropped);
    const to = Math.max(0, (end < 0 ? this.length + end : end) - this.dropped);
    return this.items.slice(from, to);
  }

  filter(predicate: (r: RecordedRequest) => boolean): RecordedRequest[] {
    return this.items.filter(predicate);
  }

  map<T>(fn: (r: RecordedRequest) => T): T[] {
    return this.items.map(fn);
  }

  every(predicate: (r: RecordedRequest) => boolean): boolean {
    return this.items.every(predicate);
  }
}
