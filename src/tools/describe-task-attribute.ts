// describe_ecs_task_attribute: one task's percent done, ETA and failure reason (DescribeTaskAttribute).
import { z } from "zod";
import { ATTRIBUTE_ACTIONS, describeTaskAttribute } from "../ecs/task-attribute-api.js";
import { viewTask } from "../progress/task-view.js";
import { renderAttributeText } from "../render/progress-text.js";
import { regionIdField, taskIdField } from "./fields.js";
import { taskProgressSchema } from "./task-progress-schema.js";
import type { ToolDefinition } from "./types.js";

const inputSchema = z.strictObject({
  RegionId: regionIdField(),
  TaskId: taskIdField().describe('The task, e.g. "t-bp1hvgwromzv32iq1234" (from describe_ecs_tasks or the ImportImage/ExportImage answer).'),
});

const outputSchema = taskProgressSchema.extend({
  DataSource: z.enum(["alibaba-cloud", "sandbox"]),
  RegionId: z.string(),
  RequestId: z.string(),
  CredentialProvider: z.string(),
});

export type DescribeTaskAttributeOutput = z.infer<typeof outputSchema>;

export const describeTaskAttributeTool: ToolDefinition<typeof inputSchema, typeof outputSchema> = {
  name: "describe_ecs_task_attribute",
  title: "Progress of one ECS task",
  description: [
    "Shows how far one ECS asynchronous task has got (DescribeTaskAttribute): percent done, success/failed counts, when it should finish, and for a failure the error code, message and a plain-language hint.",
    `Covers ${[...ATTRIBUTE_ACTIONS].join(", ")} (the API offers details for those only; for other actions use describe_ecs_tasks).`,
    'Use it for "how far is my image import?", "when will the export finish?", "why did it fail?". To wait until tasks end, use wait_for_ecs_tasks.',
    "ETA: from the progress rate seen across calls when there are two or more readings, else from the median duration of this region's recent finished tasks of the same action; the API's times are to the minute.",
    'Example: {"TaskId":"t-bp1hvgwromzv32iq1234","RegionId":"cn-hangzhou"}',
  ].join("\n"),
  inputSchema,
  outputSchema,
  annotations: {
    title: "Progress of one ECS task",
    readOnlyHint: true,
    destructiveHint: false,
    idempotentHint: true,
    openWorldHint: true,
  },
  async handler(args, ctx) {
    const region = await ctx.regions.resolve(args.RegionId);
    const { detail, providerName } = await describeTaskAttribute(ctx.ecs, region.regionId, args.TaskId, ctx.signal);
    const view = await viewTask(detail, region.regionId, { ...ctx, now: ctx.now() });
    const structured: DescribeTaskAttributeOutput = {
      ...view,
      DataSource: ctx.config.sandbox ? "sandbox" : "alibaba-cloud",
      RegionId: detail.RegionId || region.regionId,
      RequestId: detail.RequestId,
      CredentialProvider: providerName,
    };
    return { structured, text: renderAttributeText(structured) };
  },
};
