// The wait_for_ecs_tasks use case: poll until the tasks end or the time is up, reporting each poll
// as a progress value and a log line in the caller's zone, and answer with how each task ended,
// what to call next when not done, and when waiting again is the wrong move.
import { splitTaskIds } from "../contracts/fields.js";
import {
  DEFAULT_POLL_SECONDS,
  DEFAULT_TIMEOUT_SECONDS,
  MAX_WAIT_TASKS,
  type WaitForTasksInput,
  type WaitForTasksOutput,
  type WaitedTaskOutput,
} from "../contracts/wait-for-tasks.js";
import { nextCheckAfterSeconds, waitForTasks, type PollReport, type WaitedTask } from "../progress/wait.js";
import { formatDuration } from "../render/format.js";
import { progressLine } from "../render/progress-text.js";
import { tally } from "../util/counts.js";
import { formatUtcSeconds } from "../util/utc.js";
import { cutRedacted, QUOTED_ERROR_MAX } from "../util/text.js";
import { zoneOf, type AnswerZone } from "./answer-zone.js";
import { foundElsewhereNotice, locateTasks } from "./every-region.js";
import type { Task } from "../ecs/tasks-api.js";
import { lookUpImageNames, resourceFields, taskRowsOf, type ImageNames } from "./image-names.js";
import { profileField } from "./profile-scope.js";
import { localizedView } from "./progress-view.js";
import { noticeFor, type UseCaseDeps } from "./services.js";

/** Waiting again is pointless when the soonest ETA is this many times the wait's limit away (and over 10 minutes). */
const FAR_BEYOND = 3;

/** Said when a draining server ended the wait early. */
export const DRAINED_NOTICE = "The server is restarting, so this wait ended early: call wait_for_ecs_tasks again with ResumeArguments.";

function taskEntry(t: WaitedTask, zone: AnswerZone, askedRegion: string, images: TaskImages, redact: (text: string) => string): WaitedTaskOutput {
  const base: WaitedTaskOutput = t.view ? localizedView(t.view, zone) : { TaskId: t.TaskId, TaskStatus: "Unknown" };
  return {
    ...base,
    ...resourceFields(images.rows.get(t.TaskId), images.names),
    ...(t.RegionId !== askedRegion ? { RegionId: t.RegionId } : {}),
    // Redacted, then cut: the message may quote upstream at length.
    ...(t.lookupError ? { LookupError: cutRedacted(redact(t.lookupError), QUOTED_ERROR_MAX) } : {}),
  };
}

interface TaskImages {
  rows: Map<string, Task>;
  names?: ImageNames;
}

/** The tasks' rows (for their images) and the images' names: one DescribeTasks, then one DescribeImages. */
async function taskImages(taskIds: string[], regionId: string, deps: UseCaseDeps): Promise<TaskImages> {
  const rows = await taskRowsOf(taskIds, regionId, deps);
  const names = await lookUpImageNames([...rows.values()], () => regionId, deps);
  return { rows, names };
}

/** Tasks found in another region than the one asked: their rows and names from there (one round per region). */
async function withMovedTasks(asked: TaskImages, tasks: WaitedTask[], askedRegion: string, deps: UseCaseDeps): Promise<TaskImages> {
  const byRegion = new Map<string, string[]>();
  for (const t of tasks) if (t.RegionId !== askedRegion) byRegion.set(t.RegionId, [...(byRegion.get(t.RegionId) ?? []), t.TaskId]);
  if (byRegion.size === 0) return asked;
  const more = await Promise.all([...byRegion].map(([regionId, ids]) => taskImages(ids, regionId, deps)));
  const rows = new Map(asked.rows);
  const names = new Map(asked.names?.names);
  const notes = [asked.names?.note];
  for (const m of more) {
    for (const [id, row] of m.rows) rows.set(id, row);
    for (const [id, name] of m.names?.names ?? []) names.set(id, name);
    notes.push(m.names?.note);
  }
  const note = [...new Set(notes.filter((n): n is string => !!n))].join(" ");
  return { rows, names: { names, ...(note ? { note } : {}) } };
}

function lineOf(t: WaitedTask, zone: AnswerZone): string {
  return t.view ? progressLine(localizedView(t.view, zone)) : `${t.TaskId}: ${t.lookupError ?? "unknown"}`;
}

/** Progress notifications must increase; a poll that saw no change still nudges it, to keep client timeouts alive. */
function progressSender(deps: Pick<UseCaseDeps, "reportProgress">, zone: AnswerZone) {
  let last = -1;
  return async (report: PollReport) => {
    if (!deps.reportProgress) return;
    const allEnded = report.tasks.every((t) => t.settled);
    const cap = allEnded ? 100 : 99.99;
    const value = Math.round(Math.min(cap, Math.max(report.meanProgress, last + 0.01)) * 100) / 100;
    if (value <= last) return;
    last = value;
    const message = report.tasks
      .map((t) => {
        const eta = zone.local(t.view?.EstimatedCompletionTime);
        return `${t.TaskId} ${t.view?.TaskStatus ?? "Unknown"} ${t.view?.Progress !== undefined ? `${t.view.Progress}%` : "?"}${eta ? ` ETA ${eta}` : ""}`;
      })
      .join("; ");
    await deps.reportProgress(value, 100, `${message} (${zone.zone})`);
  };
}

function outcomeOf(tasks: WaitedTask[]): WaitForTasksOutput["Outcome"] {
  const outcome = { Finished: 0, Failed: 0, StillRunning: 0, NotLookedUp: 0 };
  for (const t of tasks) {
    const status = t.view?.TaskStatus;
    if (!t.view || (t.settled && status !== "Finished" && status !== "Failed")) outcome.NotLookedUp++;
    else if (status === "Finished") outcome.Finished++;
    else if (status === "Failed") outcome.Failed++;
    else outcome.StillRunning++;
  }
  return outcome;
}

/** When the work will take far longer than a wait can cover, say to report instead of polling. */
function adviceFor(running: WaitedTask[], nowMs: number, timeoutSeconds: number, zone: AnswerZone): string | undefined {
  const etas = running.map((t) => t.view?.EstimatedCompletionTime).filter((e): e is string => !!e).map((e) => Date.parse(e));
  if (etas.length === 0 || etas.length < running.length) return undefined;
  const soonest = Math.min(...etas);
  const remaining = (soonest - nowMs) / 1000;
  if (remaining < Math.max(600, FAR_BEYOND * timeoutSeconds)) return undefined;
  return (
    `The soonest task should end at about ${zone.local(formatUtcSeconds(soonest))} (${zone.zone}), ${formatDuration(Math.round(remaining))} from now: ` +
    "tell the user the progress and that ETA now, rather than waiting again every few minutes; check back near the ETA."
  );
}

export async function waitForEcsTasks(args: WaitForTasksInput, deps: UseCaseDeps): Promise<WaitForTasksOutput> {
  const taskIds = splitTaskIds(args.TaskIds, MAX_WAIT_TASKS);
  const zone = zoneOf(args.TimeZone, deps.defaultTimeZone);
  const timeoutSeconds = args.TimeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS;
  const pollSeconds = args.PollIntervalSeconds ?? DEFAULT_POLL_SECONDS;
  const region = await deps.regions.resolve(args.RegionId);
  const sendProgress = progressSender(deps, zone);
  // Beside the first poll, not after the wait: the image names (never fails; awaited at the end).
  const images = taskImages(taskIds, region.regionId, deps);

  const outcome = await waitForTasks(
    region.regionId,
    taskIds,
    timeoutSeconds * 1000,
    pollSeconds * 1000,
    { ...deps, locate: (ids) => locateTasks(ids, deps) },
    async (report) => {
      await sendProgress(report);
      await deps.log("info", `poll ${report.poll}: ${report.tasks.map((t) => lineOf(t, zone)).join(" | ")}`);
    },
  );

  const named = await withMovedTasks(await images, outcome.tasks, region.regionId, deps);
  const summary = tally(outcome.tasks, (t) => t.view?.TaskStatus ?? "Unknown");
  const running = outcome.tasks.filter((t) => !t.settled);
  const moved = outcome.tasks.filter((t) => t.RegionId !== region.regionId).map((t) => t.RegionId);
  const notice = noticeFor(
    deps.dataSource,
    moved.length ? foundElsewhereNotice(region.regionId, moved) : undefined,
    outcome.drained ? DRAINED_NOTICE : undefined,
  );
  const advice = outcome.done ? undefined : adviceFor(running, deps.now().getTime(), timeoutSeconds, zone);
  const out: WaitForTasksOutput = {
    DataSource: deps.dataSource,
    ...(notice ? { Notice: notice } : {}),
    RegionId: region.regionId,
    Done: outcome.done,
    Polls: outcome.poll,
    ElapsedSeconds: Math.round(outcome.elapsedMs / 1000),
    Outcome: outcomeOf(outcome.tasks),
    Summary: summary,
    Tasks: outcome.tasks.map((t) => taskEntry(t, zone, region.regionId, named, (text) => deps.redact(text))),
    ...(named.names?.note ? { ImageNote: named.names.note } : {}),
    ...(advice ? { Advice: advice } : {}),
    TimeZone: zone.zone,
    ...(zone.note ? { ZoneNote: zone.note } : {}),
    ...(outcome.providerName ? { CredentialProvider: outcome.providerName } : {}),
    ...profileField(deps),
  };
  if (!outcome.done) {
    out.NextCheckAfterSeconds = nextCheckAfterSeconds(running, deps.now(), pollSeconds);
    // Tasks found in another region resume there; the rest in the region asked.
    const regions = new Set(running.map((t) => t.RegionId));
    out.ResumeArguments = {
      RegionId: regions.size === 1 ? [...regions][0]! : region.regionId,
      TaskIds: running.map((t) => t.TaskId),
      TimeoutSeconds: timeoutSeconds,
      PollIntervalSeconds: pollSeconds,
      ...(args.TimeZone !== undefined ? { TimeZone: zone.zone } : {}),
      ...(args.Profile !== undefined ? { Profile: args.Profile } : {}),
    };
  }
  return out;
}
