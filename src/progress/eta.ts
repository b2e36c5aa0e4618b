// When will a running task finish? Pure: observations, history and now in, estimate out.
// Preference: the rate seen across two or more readings; else the task's own pace since it was
// created (creation = 0 %), from one reading; else the median duration of this region's recent
// finished tasks of the same action; else nothing. An estimate is never in the past: a task that
// has outrun the typical duration is said to be overdue, and by how much. Honest about precision:
// the API's times are to the minute and its progress to the percent.
import { formatUtcSeconds } from "../util/utc.js";
import type { Observation } from "./tracker.js";

export type EtaBasis = "observed-rate" | "own-pace" | "history-median";

export interface Eta {
  /** Absent when the task is overdue against the typical duration (see OverdueSeconds). */
  EstimatedCompletionTime?: string;
  EtaBasis: EtaBasis;
  EtaNote: string;
  /** How long past the typical duration a running task already is. */
  OverdueSeconds?: number;
}

export interface HistoryStats {
  medianSeconds: number;
  samples: number;
}

const toIso = (ms: number) => formatUtcSeconds(Math.round(ms / 1000) * 1000);

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

/** From one reading: the pace since creation (creation time counts as 0 %), assumed steady. */
export function etaFromOwnPace(creationTime: string | undefined, progress: number | undefined, now: number): Eta | undefined {
  if (!creationTime || progress === undefined || progress <= 0 || progress >= 100) return undefined;
  const started = Date.parse(creationTime);
  if (Number.isNaN(started) || now <= started) return undefined;
  const elapsed = now - started;
  const remainingMs = (elapsed * (100 - progress)) / progress;
  return {
    EstimatedCompletionTime: toIso(now + remainingMs),
    EtaBasis: "own-pace",
    EtaNote:
      `From this task's own pace: ${progress}% in ${minutes(elapsed)} since it was created, assumed steady. ` +
      "One reading only, and creation times are to the minute: a second look gives a better estimate.",
  };
}

/** From the typical duration of finished tasks of the same action in the region; overdue when passed. */
export function etaFromHistory(creationTime: string | undefined, history: HistoryStats | undefined, now: number, action: string): Eta | undefined {
  if (!creationTime || !history || history.samples === 0) return undefined;
  const started = Date.parse(creationTime);
  if (Number.isNaN(started)) return undefined;
  const expected = started + history.medianSeconds * 1000;
  const typical = `A typical ${action} here takes ${minutes(history.medianSeconds * 1000)} (median of ${history.samples} recent finished tasks); times are to the minute.`;
  if (expected >= now) return { EstimatedCompletionTime: toIso(expected), EtaBasis: "history-median", EtaNote: typical };
  const overdue = Math.round((now - expected) / 1000);
  return {
    EtaBasis: "history-median",
    OverdueSeconds: overdue,
    EtaNote: `${typical} This one has run ${minutes(now - started)}: overdue by ${minutes(overdue * 1000)} against the typical duration, so no estimate can be given.`,
  };
}

/** The best estimate from what is known, in the order of preference above. */
export function bestEta(
  observations: readonly Observation[],
  creationTime: string | undefined,
  progress: number | undefined,
  now: number,
  history?: { stats: HistoryStats | undefined; action: string },
): Eta | undefined {
  return (
    etaFromRate(observations) ??
    etaFromOwnPace(creationTime, progress, now) ??
    (history ? etaFromHistory(creationTime, history.stats, now, history.action) : undefined)
  );
}

export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
