// cancel_ecs_task: the adapter. Registered only with --allow-cancel; contract in src/contracts,
// work (checks, consent, one CancelTask, read-back, audit) in src/usecases, text in src/render.
import { cancelTaskInput, cancelTaskOutput } from "../contracts/cancel-task.js";
import { IMAGE_ACTIONS } from "../ecs/images-api.js";
import { renderCancelText } from "../render/cancel-text.js";
import { cancelEcsTask } from "../usecases/cancel-task.js";
import { defineTool } from "./define-tool.js";

export const cancelTaskTool = defineTool({
  name: "cancel_ecs_task",
  title: "Cancel a running image import or export",
  kind: "destructive",
  description: [
    `Stops a running ECS task (CancelTask; ${[...IMAGE_ACTIONS].join(", ")} only). It ends as Failed and cannot be resumed.`,
    "Checks first and sends nothing for a finished task or another kind of task. The client may ask the person itself; if it cannot, ask the person yourself, naming the task and image, and pass Confirm: true only after they agree.",
    'Example: {"TaskId":"t-bp1hvgwromzv32iq1234","Confirm":true}',
  ].join("\n"),
  input: cancelTaskInput,
  output: cancelTaskOutput,
  handler: cancelEcsTask,
  render: renderCancelText,
});
