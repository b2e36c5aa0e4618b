// The wait_for_ecs_tasks use case: poll until the tasks end or the time is up, reporting each poll
// as a progress value and a log line, and answer with what to call next when not done.
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
import { progressLine } from "../render/progress-text.js";
import { tally } from "../util/counts.js";
import { cutRedacted, QUOTED_ERROR_MAX } from "../util/text.js";
import type { UseCaseDeps } from "./services.js";

function taskEntry(t: WaitedTask, redact: (text: string) => string): WaitedTaskOutput {
  const base = t.view ?? { TaskId: t.TaskId, TaskStatus: "Unknown" };
  // Redacted, then cut: the message may quote upstream at length.
  return { ...base, ...(t.lookupError ? { LookupError: cutRedacted(redact(t.lookupError), QUOTED_ERROR_MAX) } : {}) };
}

/** Progress notifications must increase; a poll that saw no change still nudges it, to keep client timeouts alive. */
function progressSender(deps: Pick<UseCaseDeps, "reportProgress">) {
  let last = -1;
  return async (report: PollReport) => {
    if (!deps.reportProgress) return;
    const allEnded = report.tasks.every((t) => t.settled);
    const cap = allEnded ? 100 : 99.99;
    const value = Math.round(Math.min(cap, Math.max(report.meanProgress, last + 0.01)) * 100) / 100;
    if (value <= last) return;
    last = value;
    const message = report.tasks
      .map((t) => `${t.TaskId} ${t.view?.TaskStatus ?? "Unknown"} ${t.view?.Progress !== undefined ? `${t.view.Progress}%` : "?"}`)
      .join("; ");
    await deps.reportProgress(value, 100, message);
  };
}

export async function waitForEcsTasks(args: WaitForTasksInput, deps: UseCaseDeps): Promise<WaitForTasksOutput> {
  const taskIds = splitTaskIds(args.TaskIds, MAX_WAIT_TASKS);
  const timeoutSeconds = args.TimeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS;
  const pollSeconds = args.PollIntervalSeconds ?? DEFAULT_POLL_SECONDS;
  const region = await deps.regions.resolve(args.RegionId);
  const sendProgress = progressSender(deps);

  const outcome = await waitForTasks(region.regionId, taskIds, timeoutSeconds * 1000, pollSeconds * 1000, deps, async (report) => {
    await sendProgress(report);
    await deps.log("info", `poll ${report.poll}: ${report.tasks.map((t) => (t.view ? progressLine(t.view) : `${t.TaskId}: ${t.lookupError ?? "unknown"}`)).join(" | ")}`);
  });

  const summary = tally(outcome.tasks, (t) => t.view?.TaskStatus ?? "Unknown");
  const running = outcome.tasks.filter((t) => !t.settled);
  const out: WaitForTasksOutput = {
    DataSource: deps.dataSource,
    RegionId: region.regionId,
    Done: outcome.done,
    Polls: outcome.poll,
    ElapsedSeconds: Math.round(outcome.elapsedMs / 1000),
    Summary: summary,
    Tasks: outcome.tasks.map((t) => taskEntry(t, deps.redact)),
    ...(outcome.providerName ? { CredentialProvider: outcome.providerName } : {}),
  };
  if (!outcome.done) {
    out.NextCheckAfterSeconds = nextCheckAfterSeconds(running, deps.now(), pollSeconds);
    out.ResumeArguments = {
      RegionId: region.regionId,
      TaskIds: running.map((t) => t.TaskId),
      TimeoutSeconds: timeoutSeconds,
      PollIntervalSeconds: pollSeconds,
    };
  }
  return out;
}
