// Deterministic task data: same seed and clock, same tasks. Realistic enough that the
// demo reads naturally (region-prefixed IDs, plausible durations and failures) and that
// every filter of DescribeTasks has something to find.
import { ACTION_SPECS, CANCELLABLE_ACTIONS, TASK_ACTIONS, type TaskAction } from "./catalog.js";
import { createRng, type Rng } from "./random.js";
import { hashString, regionPrefix } from "./regions.js";
import { SANDBOX_DEFAULT_REGION, type SandboxTask } from "./types.js";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const SPAN = 30 * DAY;
/** Asia/Shanghai has no DST, so a fixed offset is exact. */
const SHANGHAI_OFFSET = 8 * HOUR;

/** Newest CreationTime first, then TaskId: the order DescribeTasks answers in. */
export function compareTasks(a: SandboxTask, b: SandboxTask): number {
  const dt = b.CreationTime.getTime() - a.CreationTime.getTime();
  if (dt !== 0) return dt;
  return a.TaskId < b.TaskId ? -1 : a.TaskId > b.TaskId ? 1 : 0;
}

const floorSecond = (ms: number): Date => new Date(Math.floor(ms / 1000) * 1000);

/**
 * An instant that lies in "yesterday" both in UTC and in Asia/Shanghai (UTC+8) relative to
 * `now`: the demo asks "which imports failed yesterday?" and must find one whichever zone
 * the client resolves "yesterday" in. The two 24 h windows always overlap by 8 or 16 hours;
 * this is the middle of the overlap, on a whole minute.
 */
export function yesterdayInUtcAndShanghai(now: Date): Date {
  const ms = now.getTime();
  const utcMidnight = Math.floor(ms / DAY) * DAY;
  const shanghaiMidnight = Math.floor((ms + SHANGHAI_OFFSET) / DAY) * DAY - SHANGHAI_OFFSET;
  const lo = Math.max(utcMidnight, shanghaiMidnight) - DAY;
  const hi = Math.min(utcMidnight, shanghaiMidnight);
  return new Date(Math.floor((lo + hi) / 2 / MINUTE) * MINUTE);
}

interface MakeOptions {
  createdAt?: Date;
  finishAt?: Date;
}

/** Builds tasks for one region; keeps resource pools so some resources have several tasks. */
function regionFactory(regionId: string, rng: Rng, now: Date) {
  const prefix = regionPrefix(regionId);
  const nowMs = now.getTime();
  const taskIds = new Set<string>();
  const pools: Record<string, string[]> = { m: [], i: [], d: [], s: [] };

  const newId = (letter: string): string => `${letter}-${prefix}1${rng.alnum(17)}`;
  const taskId = (): string => {
    let id = newId("t");
    while (taskIds.has(id)) id = newId("t");
    taskIds.add(id);
    return id;
  };
  const resourceId = (letter: "m" | "i" | "d" | "s", fresh: boolean): string => {
    const pool = pools[letter] ?? [];
    // Re-use a resource now and then: a ResourceIds filter should be able to match several tasks.
    if (!fresh && pool.length > 0 && rng.next() < 0.3) return rng.pick(pool);
    const id = newId(letter);
    pool.push(id);
    return id;
  };

  return (action: TaskAction, status: "Finished" | "Failed" | "Processing", opts: MakeOptions = {}): SandboxTask => {
    const spec = ACTION_SPECS[action];
    const durationMs = rng.int(spec.minMinutes * 60, spec.maxMinutes * 60) * 1000;
    // An import always creates a new image; exports, redeploys… act on existing resources.
    const resource = resourceId(spec.resource, action === "ImportImage");
    const task: SandboxTask = {
      RegionId: regionId,
      TaskId: taskId(),
      TaskAction: action,
      TaskStatus: status,
      ResourceId: resource,
      CreationTime: opts.createdAt ?? new Date(0),
      SupportCancel: status === "Processing" && CANCELLABLE_ACTIONS.has(action),
    };
    if (status === "Processing") {
      // Somewhere between 10% and 90% through its run, so it finishes within its duration.
      const elapsed = durationMs * (0.1 + rng.next() * 0.8);
      task.CreationTime = opts.createdAt ?? floorSecond(nowMs - elapsed);
      task.finishAt = opts.finishAt ?? floorSecond(task.CreationTime.getTime() + durationMs);
    } else {
      task.CreationTime = opts.createdAt ?? floorSecond(nowMs - rng.int((durationMs + MINUTE) / 1000, SPAN / 1000) * 1000);
      const created = task.CreationTime.getTime();
      if (status === "Failed") {
        const fraction = 0.05 + rng.next() * 0.85;
        task.FinishedTime = floorSecond(created + durationMs * fraction);
        task.progressStartPercent = Math.max(1, Math.min(99, Math.round(fraction * 100)));
        task.failure = rng.pick(spec.failures);
      } else {
        task.FinishedTime = floorSecond(created + durationMs);
      }
    }
    const related = spec.related?.(rng, resource);
    if (related) task.relatedItems = related;
    return task;
  };
}

const ACTION_WEIGHTS: readonly [TaskAction, number][] = [
  ["ImportImage", 0.3],
  ["ExportImage", 0.15],
  ["RedeployInstance", 0.2],
  ["ModifyDiskSpec", 0.2],
  ["ArchiveSnapshot", 0.15],
];

function weightedAction(r: number): TaskAction {
  let acc = 0;
  for (const [action, weight] of ACTION_WEIGHTS) {
    acc += weight;
    if (r < acc) return action;
  }
  return "ArchiveSnapshot";
}

function generateRegion(regionId: string, perRegion: number, seed: number, now: Date): SandboxTask[] {
  const rng = createRng((seed * 0x9e3779b1) ^ hashString(regionId));
  const make = regionFactory(regionId, rng, now);
  const nowMs = now.getTime();
  const yesterday = yesterdayInUtcAndShanghai(now);
  // Guaranteed first, in priority order (small perRegion keeps the head of this list):
  // the demo's running import (≈40% at start), a failure within 24 h, a failure "yesterday",
  // then every action and status at least once.
  // Other regions get the same kinds of tasks at random times, so they do not look cloned.
  const demo = regionId === SANDBOX_DEFAULT_REGION;
  const guaranteed: (() => SandboxTask)[] = [
    () => {
      const running = make(
        "ImportImage",
        "Processing",
        demo ? { createdAt: floorSecond(nowMs - 25 * MINUTE), finishAt: floorSecond(nowMs + 37.5 * MINUTE) } : {},
      );
      // The demo asks for it by name ("how is the ubuntu golden import going?").
      if (demo) running.imageName = "ubuntu2204-golden";
      return running;
    },
    () => make("ImportImage", "Failed", demo ? { createdAt: floorSecond(nowMs - 3 * HOUR - 17 * MINUTE) } : {}),
    () => make("ImportImage", "Failed", demo ? { createdAt: yesterday } : {}),
    ...TASK_ACTIONS.map((action) => () => make(action, "Finished")),
    () => make("ExportImage", "Processing"),
    () => make("ModifyDiskSpec", "Failed"),
    () => make("RedeployInstance", "Processing"),
  ];
  const tasks: SandboxTask[] = [];
  for (let i = 0; i < perRegion; i++) {
    const fixed = guaranteed[i];
    if (fixed) {
      tasks.push(fixed());
      continue;
    }
    const r = rng.next();
    const status = r < 0.8 ? "Finished" : r < 0.94 ? "Failed" : "Processing";
    tasks.push(make(weightedAction(rng.next()), status));
  }
  return tasks;
}

/** Deterministic tasks for every region, newest first. */
export function generateTasks(opts: { regions: string[]; perRegion: number; seed: number; now: Date }): SandboxTask[] {
  const all = opts.regions.flatMap((region) => generateRegion(region, opts.perRegion, opts.seed, opts.now));
  return all.sort(compareTasks);
}

/**
 * Many tasks quickly for the scale benchmark (e.g. 100,000): no related items, shared
 * failure objects, no uniqueness bookkeeping (17 random base-36 characters make a
 * collision vanishingly unlikely). Newest first, like generateTasks.
 */
export function generateBulkTasks(regionId: string, count: number, now: Date, seed: number): SandboxTask[] {
  const rng = createRng((seed * 0x85ebca6b) ^ hashString(`bulk:${regionId}`));
  const prefix = regionPrefix(regionId);
  const nowMs = now.getTime();
  const processing = Math.max(1, Math.floor(count * 0.005));
  const tasks: SandboxTask[] = new Array<SandboxTask>(count);
  for (let i = 0; i < count; i++) {
    const action = weightedAction(rng.next());
    const spec = ACTION_SPECS[action];
    const durationMs = rng.int(spec.minMinutes, spec.maxMinutes) * MINUTE;
    const status = i < processing ? "Processing" : rng.next() < 0.12 ? "Failed" : "Finished";
    const task: SandboxTask = {
      RegionId: regionId,
      TaskId: `t-${prefix}1${rng.alnum(17)}`,
      TaskAction: action,
      TaskStatus: status,
      ResourceId: `${spec.resource}-${prefix}1${rng.alnum(17)}`,
      CreationTime: new Date(0),
      SupportCancel: status === "Processing" && CANCELLABLE_ACTIONS.has(action),
    };
    if (status === "Processing") {
      task.CreationTime = floorSecond(nowMs - rng.int(60, 5 * 3600) * 1000);
      task.finishAt = floorSecond(Math.max(task.CreationTime.getTime() + durationMs, nowMs + 5 * MINUTE));
    } else {
      task.CreationTime = floorSecond(nowMs - rng.int(durationMs / 1000 + 60, SPAN / 1000) * 1000);
      task.FinishedTime = new Date(task.CreationTime.getTime() + durationMs);
      if (status === "Failed") task.failure = spec.failures[0];
    }
    tasks[i] = task;
  }
  return tasks.sort(compareTasks);
}
