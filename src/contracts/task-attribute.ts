// describe_ecs_task_attribute: one task's progress, ETA and failure reason.
import { z } from "zod";
import { regionIdField, taskIdField } from "./fields.js";
import { taskProgressSchema } from "./task-progress.js";

export const taskAttributeInput = z.strictObject({
  RegionId: regionIdField(),
  TaskId: taskIdField().describe('The task, e.g. "t-bp1hvgwromzv32iq1234" (from describe_ecs_tasks or the ImportImage/ExportImage answer).'),
});
export type TaskAttributeInput = z.infer<typeof taskAttributeInput>;

export const taskAttributeOutput = taskProgressSchema.extend({
  DataSource: z.enum(["alibaba-cloud", "sandbox"]),
  RegionId: z.string(),
  RequestId: z.string(),
  CredentialProvider: z.string(),
});
export type TaskAttributeOutput = z.infer<typeof taskAttributeOutput>;
