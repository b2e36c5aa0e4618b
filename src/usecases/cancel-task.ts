// The cancel_ecs_task use case. Nothing is sent until every check passes: the caller may cancel,
// the task exists, is an ImportImage or ExportImage, is Processing and supports cancelling. Then the
// person's consent: asked through the client when it can ask (only accept + confirmed goes on),
// else an explicit Confirm: true. CancelTask is sent once, never retried; the task is then read
// back. Every step that matters writes an audit line naming the task and the caller.
import type { CancelTaskInput, CancelTaskOutput } from "../contracts/cancel-task.js";
import { cancelTask, IMAGE_ACTIONS } from "../ecs/images-api.js";
import { describeTaskAttribute } from "../ecs/task-attribute-api.js";
import { parseDescribeTasks, toDescribeTasksQuery, type Task } from "../ecs/tasks-api.js";
import { AppError, errorSummary } from "../errors.js";
import { LOCAL_USER } from "../policy.js";
import { locateTasks } from "./every-region.js";
import { lookUpImageNames } from "./image-names.js";
import { profileField } from "./profile-scope.js";
import { noticeFor, type UseCaseDeps } from "./services.js";

function refuse(code: string, summary: string, hint: string): AppError {
  return new AppError({ code, summary, details: ["Nothing was sent: CancelTask was not called."], hint });
}

async function findTask(taskId: string, regionId: string, deps: UseCaseDeps): Promise<{ task: Task; regionId: string; providerName: string }> {
  const res = await deps.ecs.call("DescribeTasks", toDescribeTasksQuery({ RegionId: regionId, TaskIds: [taskId], PageSize: 10 }), { regionId, signal: deps.signal });
  const task = parseDescribeTasks(res, deps.now()).Tasks.find((t) => t.TaskId === taskId);
  if (task) return { task, regionId, providerName: res.providerName };
  const elsewhere = (await locateTasks([taskId], deps).catch(() => new Map<string, string>())).get(taskId);
  if (elsewhere && elsewhere !== regionId) return findTask(taskId, elsewhere, deps);
  throw refuse("InvalidTaskId.NotFound", `No task ${taskId} in ${regionId}, nor in any other region of this account.`, "Check the task ID (t-...) and the account (Profile).");
}

/** Refuses, before anything is sent, a task CancelTask cannot stop. */
function checkCancellable(t: Task): void {
  if (!IMAGE_ACTIONS.has(t.TaskAction)) {
    throw refuse(
      "InvalidTaskId.TaskActionNotSupport",
      `Task ${t.TaskId} is a ${t.TaskAction || "task of unknown kind"}: only ImportImage and ExportImage tasks can be cancelled.`,
      "There is no API to stop this kind of task; wait for it with wait_for_ecs_tasks.",
    );
  }
  if (t.TaskStatus !== "Processing") {
    throw refuse(
      "InvalidTaskId.IncorrectTaskStatus",
      `Task ${t.TaskId} is ${t.TaskStatus}${t.FinishedTime ? ` (ended ${t.FinishedTime})` : ""}: only a running task can be cancelled.`,
      "Nothing to stop. For a failed import, describe_ecs_task_attribute tells why it failed.",
    );
  }
  if (!t.SupportCancel) {
    throw refuse("CancelTaskFailed", `Task ${t.TaskId} is running but the API says it can no longer be cancelled (SupportCancel false).`, "Let it finish, then delete the image or exported object if it is not wanted.");
  }
}

export async function cancelEcsTask(args: CancelTaskInput, deps: UseCaseDeps): Promise<CancelTaskOutput> {
  const caller = deps.caller ?? LOCAL_USER;
  const audit = (line: string) => deps.audit?.(`audit cancel_ecs_task: ${line} (caller: ${caller.name}${deps.profile ? `, profile ${deps.profile}` : ""})`);
  if (!caller.mayCancel) {
    throw refuse("CancelNotAllowed", `This server's policy does not let ${caller.name} cancel tasks.`, "Ask the server's operator, or cancel in the ECS console.");
  }
  const asked = await deps.regions.resolve(args.RegionId);
  const { task, regionId, providerName } = await findTask(args.TaskId, asked.regionId, deps);
  checkCancellable(task);

  // What the person is asked about: the image's name and how far the task is (best efforts, together).
  const [names, detail] = await Promise.all([
    lookUpImageNames([task], () => regionId, deps),
    describeTaskAttribute(deps.ecs, regionId, task.TaskId, deps.signal).then((a) => a.detail, () => undefined),
  ]);
  const imageName = task.ResourceId ? names.names.get(task.ResourceId) : undefined;
  const progress = detail?.Progress;
  const what = `${task.TaskAction} task ${task.TaskId} of image ${task.ResourceId ?? "?"}${imageName ? ` "${imageName}"` : ""} in ${regionId}, ${progress !== undefined ? `${progress}% done` : "progress unknown"}`;
  const base = {
    DataSource: deps.dataSource,
    RegionId: regionId,
    TaskId: task.TaskId,
    TaskAction: task.TaskAction,
    ...(task.ResourceId ? { ResourceId: task.ResourceId } : {}),
    ...(imageName ? { ImageName: imageName } : {}),
    ...(progress !== undefined ? { ProgressBefore: progress } : {}),
    ...profileField(deps),
  };
  const notice = noticeFor(deps.dataSource);

  let consent: CancelTaskOutput["Consent"];
  if (deps.askConsent) {
    consent = "elicitation";
    const answer = await deps.askConsent(`Cancel the ${what}? The import or export stops for good and the task ends as Failed; this cannot be undone.`);
    if (answer !== "accept") {
      audit(`${task.TaskId} not cancelled: the person ${answer === "decline" ? "declined" : "dismissed the question"}`);
      return { ...base, ...(notice ? { Notice: notice } : {}), Outcome: answer === "decline" ? "declined" : "dismissed", Consent: consent, Sent: false, CredentialProvider: providerName };
    }
  } else {
    consent = "confirm-argument";
    if (args.Confirm !== true) {
      throw refuse(
        "ConfirmationRequired",
        `Cancelling needs the person's agreement: the ${what}.`,
        "Ask the person whether to cancel exactly this task (say its image and progress); only if they agree, call cancel_ecs_task again with Confirm: true.",
      );
    }
  }

  audit(`sending CancelTask for the ${what}`);
  let sent;
  try {
    sent = await cancelTask(deps.ecs, regionId, task.TaskId, deps.signal);
  } catch (err) {
    audit(`CancelTask for ${task.TaskId} failed: ${errorSummary(err)}`);
    throw err;
  }
  audit(`CancelTask for ${task.TaskId} accepted (RequestId ${sent.requestId})`);

  // The state as read back: Failed with TaskCancelled once the API has stopped it.
  let after: CancelTaskOutput | undefined;
  try {
    const { detail: back } = await describeTaskAttribute(deps.ecs, regionId, task.TaskId, deps.signal);
    const code = back.Operations.find((op) => op.ErrorCode)?.ErrorCode;
    after = {
      ...base,
      Outcome: "cancelled",
      Consent: consent,
      Sent: true,
      TaskStatus: back.TaskStatus,
      ...(back.Progress !== undefined ? { Progress: back.Progress } : {}),
      ...(code ? { ErrorCode: code } : {}),
      RequestId: sent.requestId,
      CredentialProvider: sent.providerName,
    };
  } catch (err) {
    after = { ...base, Outcome: "cancelled", Consent: consent, Sent: true, ReadBackError: errorSummary(err), RequestId: sent.requestId, CredentialProvider: sent.providerName };
  }
  return { ...(notice ? { Notice: notice } : {}), ...after };
}
