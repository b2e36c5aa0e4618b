// When will a running task finish? Pure: observations, history and now in, estimate out.
// Preference: the rate seen across two or more polls; else the median duration of this region's
// recent finished tasks of the same action; else nothing. Honest about precision: the API's times
// are to the minute and its progress to the percent.
import type { Observation } from "./tracker.js";

export type EtaBasis = "observed-rate" | "history-median";

export interface Eta {
  EstimatedCompletionTime: string;
  EtaBasis: EtaBasis;
  EtaNote: string;
}

export interface HistoryStats {
  medianSeconds: number;
  samples: number;
}

const toIso = (ms: number) => new Date(Math.round(ms / 1000) * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");

function minutes(ms: number): string {
  const m = Math.max(0, Math.round(ms / 60_000));
  return m >= 120 ? `${Math.floor(m / 60)}h ${m % 60}m` : `${m} min`;
}

/** Rate from the first to the last observation that moved; undefined when progress has not moved. */
export function etaFromRate(observations: readonly Observation[]): Eta | undefined {
  if (observations.length < 2) return undefined;
  const first = observations[0]!;
  const last = observations[observations.length - 1]!;
  const gained = last.progress - first.progress;
  const elapsed = last.at - first.at;
  if (gained <= 0 || elapsed <= 0 || last.progress >= 100) return undefined;
  const remainingMs = ((100 - last.progress) * elapsed) / gained;
  return {
    EstimatedCompletionTime: toIso(last.at + remainingMs),
    EtaBasis: "observed-rate",
    EtaNote:
      `From ${observations.length} progress readings over ${minutes(elapsed)} (${first.progress}% -> ${last.progress}%), assuming a steady rate. ` +
      "Progress is reported in whole percent, so early estimates can be off by several minutes.",
  };
}

/** From the typical duration of finished tasks of the same action in the region. */
export function etaFromHistory(creationTime: string | undefined, history: HistoryStats | undefined, now: number, action: string): Eta | undefined {
  if (!creationTime || !history || history.samples === 0) return undefined;
  const started = Date.parse(creationTime);
  if (Number.isNaN(started)) return undefined;
  const expected = started + history.medianSeconds * 1000;
  const typical = `A typical ${action} here takes ${minutes(history.medianSeconds * 1000)} (median of ${history.samples} recent finished tasks); times are to the minute.`;
  const note =
    expected < now ? `${typical} This one has run ${minutes(now - started)}, longer than usual, so the estimate has passed.` : typical;
  return { EstimatedCompletionTime: toIso(expected), EtaBasis: "history-median", EtaNote: note };
}

export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
