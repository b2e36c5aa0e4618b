// The output shape of one task's progress, shared by describe_ecs_task_attribute and
// wait_for_ecs_tasks so both describe a task the same way. Every time is given in UTC and, beside
// it, in the answer's zone (`...Local`, "yyyy-MM-dd HH:mm").
import { z } from "zod";

export const operationSchema = z.object({
  OperationStatus: z.string().describe("Success, Failed or Processing."),
  ErrorCode: z.string().optional(),
  ErrorMsg: z.string().optional(),
  RelatedItems: z.record(z.string(), z.string()).describe("Name -> value, e.g. OSSBucket, OSSObject, ImageFormat."),
});

export const ETA_BASES = ["observed-rate", "own-pace", "history-median"] as const;

/** The estimate fields, shared with the task list's running rows. */
export const etaFields = {
  EstimatedCompletionTime: z.string().optional().describe("UTC estimate for a running task; never in the past."),
  EstimatedCompletionTimeLocal: z.string().optional(),
  EtaBasis: z
    .enum(ETA_BASES)
    .optional()
    .describe("observed-rate: progress seen across readings; own-pace: one reading, creation = 0 %; history-median: typical duration here."),
  EtaNote: z.string().optional().describe("How the estimate was made and how precise it is."),
  OverdueSeconds: z.number().int().min(0).optional().describe("Running longer than the typical duration by this much (no estimate then)."),
};

export const taskProgressSchema = z.object({
  TaskId: z.string(),
  TaskAction: z.string(),
  ResourceId: z.string().optional().describe("The image (ImportImage/ExportImage) or disk the task acts on."),
  ImageName: z.string().optional().describe("The image's name, from DescribeImages."),
  TaskStatus: z.string().describe("Finished, Processing or Failed."),
  Progress: z.number().min(0).max(100).optional().describe("Percent done, 0-100, parsed from TaskProcess."),
  TaskProcess: z.string().describe('As the API sent it, e.g. "63%".'),
  SuccessCount: z.number().int().optional(),
  FailedCount: z.number().int().optional(),
  TotalCount: z.number().int().optional(),
  CreationTime: z.string().optional().describe("UTC, yyyy-MM-ddTHH:mm:ssZ (minute precision from the API)."),
  CreationTimeLocal: z.string().optional(),
  FinishedTime: z.string().optional(),
  FinishedTimeLocal: z.string().optional(),
  SupportCancel: z.boolean(),
  DurationSeconds: z.number().int().min(0).optional().describe("Run time; while running, the time it has been running."),
  InvalidTimes: z
    .array(z.enum(["CreationTime", "FinishedTime"]))
    .optional()
    .describe("Times ECS sent that are not real dates: kept as received, not converted (and no DurationSeconds)."),
  Operations: z.array(operationSchema),
  Failure: z
    .object({ ErrorCode: z.string().optional(), ErrorMsg: z.string().optional(), Hint: z.string().optional() })
    .optional()
    .describe("Why it failed, with a plain-language hint for known codes."),
  ...etaFields,
});
export type TaskProgressOutput = z.infer<typeof taskProgressSchema>;

/** Where an answer's times are shown, and whether that zone was the caller's. */
export const zoneFields = {
  TimeZone: z.string().describe('The zone of every ...Local time and of the text, e.g. "Asia/Shanghai" or "UTC+08:00".'),
  ZoneNote: z.string().optional().describe("Present when TimeZone was not given: the server's zone was used."),
};

/** The sandbox label, present only when the data is generated. */
/** Why image names are missing, when they are. */
export const imageNoteField = {
  ImageNote: z.string().optional().describe("Why image names are missing (e.g. no ecs:DescribeImages permission)."),
};

export const noticeField = {
  Notice: z.string().optional().describe("Say this to the user: e.g. that the data is generated sandbox data, or where a task was found."),
};
