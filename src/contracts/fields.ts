// Field patterns, bounds and zod fields shared by the tool contracts. Anything from tool input that
// reaches a request passes one of these first.
import { z } from "zod";
import { REGION_ID_PATTERN } from "../ecs/region.js";
import { InputError } from "../errors.js";

export const TASK_ID = /^t-[A-Za-z0-9]{4,64}$/;
/** One or more task IDs, comma-separated, spaces allowed around commas. */
export const TASK_ID_LIST = /^\s*t-[A-Za-z0-9]{4,64}(\s*,\s*t-[A-Za-z0-9]{4,64})*\s*$/;
/** Image, instance, disk or snapshot IDs (m-, i-, d-, s-...) and similar resource names. */
export const RESOURCE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{1,127}$/;
export const TIME_PHRASE_MAX = 200;
export const TIME_ZONE_MAX = 64;
export const PAGE_NUMBER_MAX = 1_000_000;
export const MAX_TASK_IDS = 100;

/** A list or comma-separated string of task IDs -> at most `max` distinct IDs, in the order given. */
export function splitTaskIds(value: string | string[], max = MAX_TASK_IDS): string[] {
  const ids = (Array.isArray(value) ? value : value.split(",")).map((s) => s.trim()).filter(Boolean);
  const unique = [...new Set(ids)];
  if (unique.length > max) {
    throw new InputError(`TaskIds has ${unique.length} IDs; at most ${max} are accepted per call. Split them over several calls.`);
  }
  return unique;
}

export const regionIdField = () =>
  z
    .string()
    .max(64)
    .regex(REGION_ID_PATTERN, 'RegionId must look like "cn-hangzhou" or "ap-southeast-1"')
    .optional()
    .describe(
      'Region of the tasks, e.g. "cn-hangzhou". Omit to use the configured region (ALIBABA_CLOUD_REGION_ID or the aliyun CLI profile). Tasks are per region.',
    );

export const taskIdField = () =>
  z.string().regex(TASK_ID, "each task ID must look like t-bp1hvgwromzv32iq1234");

/** An array or a comma-separated string of task IDs, at most `max` (re-checked after splitting). */
export const taskIdsField = (max: number) =>
  z.union([
    z.string().max(3000).regex(TASK_ID_LIST, "TaskIds must be task IDs like t-bp1hvgwromzv32iq1234, comma-separated"),
    z.array(taskIdField()).min(1).max(max),
  ]);
