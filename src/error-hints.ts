// What to do next, per Alibaba error code: the hint every EcsApiError carries.

/** Exact codes first, then prefixes. */
const API_HINTS: Readonly<Record<string, string>> = {
  "InvalidRegionId.NotFound":
    "Use a valid region ID such as cn-hangzhou, cn-shanghai or ap-southeast-1 (DescribeRegions lists them), or fix ALIBABA_CLOUD_REGION_ID / the CLI profile's region_id.",
  "InvalidAccessKeyId.NotFound":
    "The AccessKey ID is not known to Alibaba Cloud: check the credentials the chain picked up (see CredentialProvider) and that the key is not deleted or disabled.",
  "InvalidAccessKeyId.Inactive": "The AccessKey is disabled: enable it in the RAM console or use another one.",
  SignatureDoesNotMatch:
    "The AccessKey secret does not match the ID, or the request was altered on the way (a proxy rewriting it). Check ALIBABA_CLOUD_ACCESS_KEY_SECRET or the CLI profile.",
  IncompleteSignature: "The request was not fully signed; check that a proxy is not stripping x-acs-* headers.",
  SignatureNonceUsed: "A nonce was reused; simply call again.",
  "InvalidTimeStamp.Expired": "This machine's clock is off by more than 15 minutes: sync it (e.g. enable NTP) and call again.",
  "InvalidSecurityToken.Expired":
    "The STS token has expired: refresh it (ALIBABA_CLOUD_SECURITY_TOKEN, or re-run `aliyun configure` for StsToken/RamRoleArn profiles).",
  "InvalidSecurityToken.Malformed": "The STS token is malformed: check ALIBABA_CLOUD_SECURITY_TOKEN.",
  "InvalidSecurityToken.MismatchWithAccessKey":
    "The STS token belongs to another AccessKey: set the ID, secret and token from the same AssumeRole answer.",
  "Forbidden.RAM":
    "The RAM user or role lacks permission: grant ecs:DescribeTasks (and ecs:DescribeTaskAttribute, ecs:DescribeRegions) in a RAM policy.",
  Forbidden: "The account may not do this: check RAM permissions for ecs:DescribeTasks.",
  "InvalidTaskId.NotFound": "No task with that ID in this region: check the ID and the RegionId (tasks are per region).",
  "InvalidTaskId.TaskActionNotSupport":
    "DescribeTaskAttribute covers ImportImage, ExportImage and ModifyDiskSpec tasks only: use describe_ecs_tasks for the others.",
  MissingParameter: "A required parameter was missing; this is likely a bug in ecs-tasks-mcp — please report it.",
  InvalidParameter: "A parameter value was refused: check PageSize (1-100), TaskAction, TaskStatus and the time format.",
  "InvalidOperation.NotSupportedEndpoint":
    "This endpoint does not serve that region: unset ALIBABA_CLOUD_ECS_ENDPOINT or point it at ecs.<RegionId>.aliyuncs.com.",
  ServiceUnavailable: "Alibaba Cloud is temporarily unavailable: try again in a minute.",
  InternalError: "Alibaba Cloud had an internal error: try again in a minute.",
};

/** CancelTask's own codes: the same words mean something else for the read-only calls. */
const CANCEL_HINTS: Readonly<Record<string, string>> = {
  "InvalidTaskId.IncorrectTaskStatus":
    "The task is no longer running (it finished or failed meanwhile), so there is nothing to cancel: read it with describe_ecs_task_attribute.",
  "InvalidTaskId.TaskActionNotSupport": "CancelTask stops ImportImage and ExportImage tasks only; other tasks cannot be cancelled.",
  CancelTaskFailed: "The API could not cancel the task at this stage (it may be finishing): read it again in a minute, and delete the image or exported object afterwards if it is unwanted.",
  "Forbidden.RAM": "The RAM user or role lacks ecs:CancelTask: grant it only to those who opt in (see the README's RAM policy).",
};

export function apiHint(code: string, action?: string): string | undefined {
  // Own keys only: a code such as "constructor" must not find Object.prototype's.
  if (action === "CancelTask" && Object.hasOwn(CANCEL_HINTS, code)) return CANCEL_HINTS[code];
  if (Object.hasOwn(API_HINTS, code)) return API_HINTS[code];
  if (code.startsWith("Throttling")) return "The API is throttling this account: wait a few seconds and call again, with fewer calls at once.";
  const prefix = Object.keys(API_HINTS).find((k) => code.startsWith(`${k}.`));
  return prefix ? API_HINTS[prefix] : undefined;
}
