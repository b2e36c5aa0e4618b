// describe_ecs_task_attribute: one task's progress, ETA and failure reason.
import { z } from "zod";
import { profileArg, profileOutput, regionIdField, taskIdField, timeZoneField, toolArgs } from "./fields.js";
import { imageNoteField, noticeField, taskProgressSchema, zoneFields } from "./task-progress.js";

export const taskAttributeInput = toolArgs({
  RegionId: regionIdField(),
  TaskId: taskIdField().describe('E.g. "t-bp1hvgwromzv32iq1234".'),
  TimeZone: timeZoneField(),
  Profile: profileArg(),
});
export type TaskAttributeInput = z.infer<typeof taskAttributeInput>;

export const taskAttributeOutput = taskProgressSchema.extend({
  DataSource: z.enum(["alibaba-cloud", "sandbox"]),
  ...noticeField,
  RegionId: z.string().describe("Where the task is (found in another region when not in the one asked: see Notice)."),
  ...zoneFields,
  ...imageNoteField,
  RequestId: z.string(),
  CredentialProvider: z.string(),
  ...profileOutput,
});
export type TaskAttributeOutput = z.infer<typeof taskAttributeOutput>;
