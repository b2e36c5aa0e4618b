// One task's progress as the attribute and wait answers give it: the view of src/progress with each
// time also in the answer's zone.
import type { TaskProgressOutput } from "../contracts/task-progress.js";
import type { TaskProgressView } from "../progress/task-view.js";
import type { AnswerZone } from "./answer-zone.js";

export function localizedView(view: TaskProgressView, zone: AnswerZone): TaskProgressOutput {
  const created = zone.local(view.CreationTime);
  const finished = zone.local(view.FinishedTime);
  const eta = zone.local(view.EstimatedCompletionTime);
  return {
    ...view,
    ...(created ? { CreationTimeLocal: created } : {}),
    ...(finished ? { FinishedTimeLocal: finished } : {}),
    ...(eta ? { EstimatedCompletionTimeLocal: eta } : {}),
  };
}
