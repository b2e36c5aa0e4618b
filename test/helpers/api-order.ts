// The order DescribeTasks lists tasks in, stated independently of the sandbox's own code so tests
// check it rather than repeat it: newest CreationTime first (to the millisecond the sandbox keeps,
// finer than the minute the API shows), ties broken by TaskId in code-unit order.
import type { SandboxTask } from "../../src/sandbox/index.js";

export const apiOrder = (a: SandboxTask, b: SandboxTask): number =>
  b.CreationTime.getTime() - a.CreationTime.getTime() || (a.TaskId < b.TaskId ? -1 : a.TaskId > b.TaskId ? 1 : 0);
