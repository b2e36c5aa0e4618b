// The output shape of one task's progress, shared by describe_ecs_task_attribute and
// wait_for_ecs_tasks so both describe a task the same way.
import { z } from "zod";

export const operationSchema = z.object({
  OperationStatus: z.string().describe("Success, Failed or Processing."),
  ErrorCode: z.string().optional(),
  ErrorMsg: z.string().optional(),
  RelatedItems: z.record(z.string(), z.string()).describe("Name -> value, e.g. OSSBucket, OSSObject, ImageFormat."),
});

export const taskProgressSchema = z.object({
  TaskId: z.string(),
  TaskAction: z.string(),
  TaskStatus: z.string().describe("Finished, Processing or Failed."),
  Progress: z.number().min(0).max(100).optional().describe("Percent done, 0-100, parsed from TaskProcess."),
  TaskProcess: z.string().describe('As the API sent it, e.g. "63%".'),
  SuccessCount: z.number().int().optional(),
  FailedCount: z.number().int().optional(),
  TotalCount: z.number().int().optional(),
  CreationTime: z.string().optional().describe("UTC, yyyy-MM-ddTHH:mm:ssZ (minute precision from the API)."),
  FinishedTime: z.string().optional(),
  SupportCancel: z.boolean(),
  DurationSeconds: z.number().int().min(0).optional().describe("Run time, or time elapsed so far while running."),
  InvalidTimes: z
    .array(z.enum(["CreationTime", "FinishedTime"]))
    .optional()
    .describe("Times ECS sent that are not real dates: kept as received, not converted (and no DurationSeconds)."),
  Operations: z.array(operationSchema),
  Failure: z
    .object({ ErrorCode: z.string().optional(), ErrorMsg: z.string().optional(), Hint: z.string().optional() })
    .optional()
    .describe("Why it failed, with a plain-language hint for known codes."),
  EstimatedCompletionTime: z.string().optional().describe("UTC estimate for a running task."),
  EtaBasis: z
    .enum(["observed-rate", "history-median"])
    .optional()
    .describe("observed-rate: from progress seen across polls; history-median: typical duration of recent finished tasks."),
  EtaNote: z.string().optional().describe("How the estimate was made and how precise it is."),
});
export type TaskProgressOutput = z.infer<typeof taskProgressSchema>;
