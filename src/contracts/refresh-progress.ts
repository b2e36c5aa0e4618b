// refresh_ecs_task_progress: the dashboard's app-only refresh of the running rows it shows. One
// DescribeTaskAttribute call per task, within the look-up limits of describe_ecs_tasks.
import { z } from "zod";
import { ENRICH_MAX_TASKS } from "../progress/enrich.js";
import { regionIdField, taskIdField, timeZoneField, toolArgs } from "./fields.js";
import { etaFields } from "./task-progress.js";

export const refreshProgressInput = toolArgs({
  TaskIds: z.array(taskIdField()).min(1).max(ENRICH_MAX_TASKS).describe(`Up to ${ENRICH_MAX_TASKS} tasks of one region.`),
  RegionId: regionIdField().describe('Where the tasks are, e.g. "cn-hangzhou". Default: the configured one.'),
  TimeZone: timeZoneField(),
});
export type RefreshProgressInput = z.infer<typeof refreshProgressInput>;

const refreshedTask = z.object({
  TaskId: z.string(),
  TaskStatus: z.string().optional().describe("Absent when the look-up failed (see LookupError)."),
  Progress: z.number().min(0).max(100).optional(),
  CreationTime: z.string().optional(),
  CreationTimeLocal: z.string().optional(),
  FinishedTime: z.string().optional(),
  FinishedTimeLocal: z.string().optional(),
  ...etaFields,
  ErrorCode: z.string().optional(),
  ErrorMsg: z.string().optional(),
  LookupError: z.string().optional(),
});
export type RefreshedTask = z.infer<typeof refreshedTask>;

export const refreshProgressOutput = z.object({
  RegionId: z.string(),
  Tasks: z.array(refreshedTask),
  TimeZone: z.string(),
  CheckedAt: z.string().describe("UTC, when the look-ups were made."),
});
export type RefreshProgressOutput = z.infer<typeof refreshProgressOutput>;
