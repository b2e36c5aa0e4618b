// wait_for_ecs_tasks: poll until tasks end, bounded in time, resumable.
import { z } from "zod";
import { profileArg, profileOutput, regionIdField, taskIdsField, timeZoneField, toolArgs } from "./fields.js";
import { imageNoteField, noticeField, taskProgressSchema, zoneFields } from "./task-progress.js";

export const MAX_WAIT_TASKS = 20;
export const MAX_TIMEOUT_SECONDS = 600;
export const DEFAULT_TIMEOUT_SECONDS = 45;
export const DEFAULT_POLL_SECONDS = 5;
export const MIN_POLL_SECONDS = 2;

export const waitForTasksInput = toolArgs({
  RegionId: regionIdField(),
  TaskIds: taskIdsField(MAX_WAIT_TASKS).describe(`1-${MAX_WAIT_TASKS}, e.g. ["t-bp1hvgwromzv32iq1234"].`),
  TimeoutSeconds: z
    .number()
    .int()
    .min(1)
    .max(MAX_TIMEOUT_SECONDS)
    .optional()
    .describe(`Default ${DEFAULT_TIMEOUT_SECONDS} (fits 60 s client timeouts), at most ${MAX_TIMEOUT_SECONDS}.`),
  PollIntervalSeconds: z
    .number()
    .int()
    .min(MIN_POLL_SECONDS)
    .max(60)
    .optional()
    .describe(`Default ${DEFAULT_POLL_SECONDS}, ${MIN_POLL_SECONDS}-60.`),
  TimeZone: timeZoneField(),
  Profile: profileArg(),
});
export type WaitForTasksInput = z.infer<typeof waitForTasksInput>;

const waitedTaskSchema = taskProgressSchema.partial().extend({
  TaskId: z.string(),
  RegionId: z.string().optional().describe("Set when the task was found in another region than the one asked."),
  TaskStatus: z.string().describe("Finished, Failed, Processing, or Unknown when it could not be looked up."),
  LookupError: z.string().optional().describe("Why the last lookup of this task failed."),
});

export const waitForTasksOutput = z.object({
  DataSource: z.enum(["alibaba-cloud", "sandbox"]),
  ...noticeField,
  RegionId: z.string(),
  Done: z.boolean().describe("True when every task has ended (Finished or Failed) or cannot be looked up."),
  Polls: z.number().int().min(1),
  ElapsedSeconds: z.number().min(0),
  Outcome: z
    .object({
      Finished: z.number().int(),
      Failed: z.number().int(),
      StillRunning: z.number().int(),
      NotLookedUp: z.number().int().describe("Tasks that could not be looked up (see each LookupError)."),
    })
    .describe("How each task ended, or did not."),
  Summary: z.record(z.string(), z.number().int()).describe("Tasks per last status."),
  Tasks: z.array(waitedTaskSchema),
  Advice: z.string().optional().describe("What to do next, e.g. report progress and ETA to the user instead of waiting again."),
  NextCheckAfterSeconds: z.number().int().optional().describe("When not done: a sensible wait before calling again."),
  ResumeArguments: z
    .object({
      RegionId: z.string(),
      TaskIds: z.array(z.string()),
      TimeoutSeconds: z.number().int(),
      PollIntervalSeconds: z.number().int(),
      TimeZone: z.string().optional(),
      Profile: z.string().optional(),
    })
    .optional()
    .describe("When not done: the exact arguments to call wait_for_ecs_tasks again with (only the tasks still running)."),
  ...zoneFields,
  ...imageNoteField,
  CredentialProvider: z.string().optional(),
  ...profileOutput,
});
export type WaitForTasksOutput = z.infer<typeof waitForTasksOutput>;
export type WaitedTaskOutput = WaitForTasksOutput["Tasks"][number];
