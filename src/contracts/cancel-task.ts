// cancel_ecs_task: stop a running ImportImage or ExportImage task, with the person's consent.
// Registered only with --allow-cancel.
import { z } from "zod";
import { profileArg, profileOutput, regionIdField, taskIdField, toolArgs } from "./fields.js";
import { noticeField } from "./task-progress.js";

export const cancelTaskInput = toolArgs({
  RegionId: regionIdField(),
  TaskId: taskIdField().describe('The ImportImage or ExportImage task, e.g. "t-bp1hvgwromzv32iq1234".'),
  Confirm: z
    .boolean()
    .optional()
    .describe("true only after the person agreed to cancel this task in this conversation. Not needed when the client can ask them itself."),
  Profile: profileArg(),
});
export type CancelTaskInput = z.infer<typeof cancelTaskInput>;

export const CANCEL_OUTCOMES = ["cancelled", "declined", "dismissed"] as const;

export const cancelTaskOutput = z.object({
  DataSource: z.enum(["alibaba-cloud", "sandbox"]),
  ...noticeField,
  RegionId: z.string(),
  TaskId: z.string(),
  TaskAction: z.string(),
  ResourceId: z.string().optional(),
  ImageName: z.string().optional(),
  ProgressBefore: z.number().optional().describe("Percent done when the person was asked."),
  Outcome: z.enum(CANCEL_OUTCOMES).describe("cancelled: CancelTask was sent and accepted; declined or dismissed: the person said no or closed the question, nothing was sent."),
  Consent: z.enum(["elicitation", "confirm-argument"]).describe("How the person agreed (or was asked): the client's own question, or Confirm: true."),
  Sent: z.boolean().describe("Whether CancelTask was sent."),
  TaskStatus: z.string().optional().describe("The task's status read back after cancelling (Failed once cancelled)."),
  Progress: z.number().optional(),
  ErrorCode: z.string().optional().describe("E.g. TaskCancelled, as read back."),
  ReadBackError: z.string().optional().describe("Why the task could not be read back after cancelling."),
  RequestId: z.string().optional().describe("Of the CancelTask call."),
  CredentialProvider: z.string().optional(),
  ...profileOutput,
});
export type CancelTaskOutput = z.infer<typeof cancelTaskOutput>;
