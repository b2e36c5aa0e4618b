// wait_for_ecs_tasks: polls until tasks end, with MCP progress notifications and log lines.
import { z } from "zod";
import { nextCheckAfterSeconds, waitForTasks, type PollReport, type WaitedTask } from "../progress/wait.js";
import { progressLine, renderWaitText } from "../render/progress-text.js";
import { regionIdField, splitTaskIds, taskIdsField } from "./fields.js";
import { taskProgressSchema } from "./task-progress-schema.js";
import type { ToolContext, ToolDefinition } from "./types.js";

export const MAX_WAIT_TASKS = 20;
export const MAX_TIMEOUT_SECONDS = 600;
export const DEFAULT_TIMEOUT_SECONDS = 45;
export const DEFAULT_POLL_SECONDS = 5;
export const MIN_POLL_SECONDS = 2;

const inputSchema = z.strictObject({
  RegionId: regionIdField(),
  TaskIds: taskIdsField(MAX_WAIT_TASKS).describe(
    `The tasks to wait for, 1 to ${MAX_WAIT_TASKS}, as an array or a comma-separated string, e.g. ["t-bp1hvgwromzv32iq1234"]. ImportImage, ExportImage and ModifyDiskSpec tasks only.`,
  ),
  TimeoutSeconds: z
    .number()
    .int()
    .min(1)
    .max(MAX_TIMEOUT_SECONDS)
    .optional()
    .describe(
      `How long to wait at most, 1 to ${MAX_TIMEOUT_SECONDS} s. Default ${DEFAULT_TIMEOUT_SECONDS} (fits clients that time out at 60 s; clients that reset their timeout on progress can wait longer). E.g. 300.`,
    ),
  PollIntervalSeconds: z
    .number()
    .int()
    .min(MIN_POLL_SECONDS)
    .max(60)
    .optional()
    .describe(`Seconds between checks, ${MIN_POLL_SECONDS} to 60. Default ${DEFAULT_POLL_SECONDS}. E.g. 15 for a long import.`),
});

const waitedTaskSchema = taskProgressSchema.partial().extend({
  TaskId: z.string(),
  TaskStatus: z.string().describe("Finished, Failed, Processing, or Unknown when it could not be looked up."),
  LookupError: z.string().optional().describe("Why the last lookup of this task failed."),
});

const outputSchema = z.object({
  DataSource: z.enum(["alibaba-cloud", "sandbox"]),
  RegionId: z.string(),
  Done: z.boolean().describe("True when every task has ended (Finished or Failed) or cannot be looked up."),
  Polls: z.number().int().min(1),
  ElapsedSeconds: z.number().min(0),
  Summary: z.record(z.string(), z.number().int()).describe("Tasks per last status."),
  Tasks: z.array(waitedTaskSchema),
  NextCheckAfterSeconds: z.number().int().optional().describe("When not done: a sensible wait before calling again."),
  ResumeArguments: z
    .object({
      RegionId: z.string(),
      TaskIds: z.array(z.string()),
      TimeoutSeconds: z.number().int(),
      PollIntervalSeconds: z.number().int(),
    })
    .optional()
    .describe("When not done: the exact arguments to call wait_for_ecs_tasks again with (only the tasks still running)."),
  CredentialProvider: z.string().optional(),
});

export type WaitForTasksOutput = z.infer<typeof outputSchema>;

function taskEntry(t: WaitedTask): WaitForTasksOutput["Tasks"][number] {
  const base = t.view ?? { TaskId: t.TaskId, TaskStatus: "Unknown" };
  return { ...base, ...(t.lookupError ? { LookupError: t.lookupError } : {}) };
}

/** Progress notifications must increase; a poll that saw no change still nudges it, to keep client timeouts alive. */
function progressSender(ctx: ToolContext) {
  let last = -1;
  return async (report: PollReport) => {
    const allEnded = report.tasks.every((t) => t.settled);
    const cap = allEnded ? 100 : 99.99;
    const value = Math.round(Math.min(cap, Math.max(report.meanProgress, last + 0.01)) * 100) / 100;
    if (value <= last) return;
    last = value;
    const message = report.tasks
      .map((t) => `${t.TaskId} ${t.view?.TaskStatus ?? "Unknown"} ${t.view?.Progress !== undefined ? `${t.view.Progress}%` : "?"}`)
      .join("; ");
    await ctx.reportProgress?.(value, 100, message);
  };
}

export const waitForTasksTool: ToolDefinition<typeof inputSchema, typeof outputSchema> = {
  name: "wait_for_ecs_tasks",
  title: "Wait for ECS tasks to finish",
  description: [
    "Waits until ECS asynchronous tasks (ImportImage, ExportImage, ModifyDiskSpec) have ended, checking their progress every PollIntervalSeconds with DescribeTaskAttribute, for at most TimeoutSeconds.",
    'Use it for "wait until my image import is done" or "tell me when the export finishes".',
    `Limits: up to ${MAX_WAIT_TASKS} tasks; TimeoutSeconds default ${DEFAULT_TIMEOUT_SECONDS}, at most ${MAX_TIMEOUT_SECONDS}; PollIntervalSeconds default ${DEFAULT_POLL_SECONDS}, at least ${MIN_POLL_SECONDS}.`,
    "Sends progress notifications (mean percent over the tasks) when the request has a progressToken, and a log line per check. Cancelling the request stops it at once.",
    "Returns each task's last status, percent, timings, ETA and failure reason. When not done in time: Done=false, NextCheckAfterSeconds and ResumeArguments to call again with.",
    'Example: {"TaskIds":["t-bp1hvgwromzv32iq1234"],"TimeoutSeconds":45}',
  ].join("\n"),
  inputSchema,
  outputSchema,
  annotations: {
    title: "Wait for ECS tasks to finish",
    readOnlyHint: true,
    destructiveHint: false,
    idempotentHint: true,
    openWorldHint: true,
  },
  async handler(args, ctx) {
    const taskIds = splitTaskIds(args.TaskIds, MAX_WAIT_TASKS);
    const timeoutSeconds = args.TimeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS;
    const pollSeconds = args.PollIntervalSeconds ?? DEFAULT_POLL_SECONDS;
    const region = await ctx.regions.resolve(args.RegionId);
    const sendProgress = progressSender(ctx);

    const outcome = await waitForTasks(region.regionId, taskIds, timeoutSeconds * 1000, pollSeconds * 1000, ctx, async (report) => {
      await sendProgress(report);
      await ctx.log("info", `poll ${report.poll}: ${report.tasks.map((t) => (t.view ? progressLine(t.view) : `${t.TaskId}: ${t.lookupError ?? "unknown"}`)).join(" | ")}`);
    });

    const summary: Record<string, number> = {};
    for (const t of outcome.tasks) {
      const status = t.view?.TaskStatus ?? "Unknown";
      summary[status] = (summary[status] ?? 0) + 1;
    }
    const running = outcome.tasks.filter((t) => !t.settled);
    const structured: WaitForTasksOutput = {
      DataSource: ctx.config.sandbox ? "sandbox" : "alibaba-cloud",
      RegionId: region.regionId,
      Done: outcome.done,
      Polls: outcome.poll,
      ElapsedSeconds: Math.round(outcome.elapsedMs / 1000),
      Summary: summary,
      Tasks: outcome.tasks.map(taskEntry),
      ...(outcome.providerName ? { CredentialProvider: outcome.providerName } : {}),
    };
    if (!outcome.done) {
      structured.NextCheckAfterSeconds = nextCheckAfterSeconds(running, ctx.now(), pollSeconds);
      structured.ResumeArguments = {
        RegionId: region.regionId,
        TaskIds: running.map((t) => t.TaskId),
        TimeoutSeconds: timeoutSeconds,
        PollIntervalSeconds: pollSeconds,
      };
    }
    return { structured, text: renderWaitText(structured) };
  },
};
