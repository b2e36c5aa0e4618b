// wait_for_ecs_tasks: poll until tasks end, bounded in time, resumable.
import { z } from "zod";
import { regionIdField, taskIdsField } from "./fields.js";
import { taskProgressSchema } from "./task-progress.js";

export const MAX_WAIT_TASKS = 20;
export const MAX_TIMEOUT_SECONDS = 600;
export const DEFAULT_TIMEOUT_SECONDS = 45;
export const DEFAULT_POLL_SECONDS = 5;
export const MIN_POLL_SECONDS = 2;

export const waitForTasksInput = z.strictObject({
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
export type WaitForTasksInput = z.infer<typeof waitForTasksInput>;

const waitedTaskSchema = taskProgressSchema.partial().extend({
  TaskId: z.string(),
  TaskStatus: z.string().describe("Finished, Failed, Processing, or Unknown when it could not be looked up."),
  LookupError: z.string().optional().describe("Why the last lookup of this task failed."),
});

export const waitForTasksOutput = z.object({
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
export type WaitForTasksOutput = z.infer<typeof waitForTasksOutput>;
export type WaitedTaskOutput = WaitForTasksOutput["Tasks"][number];
