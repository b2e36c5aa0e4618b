// The resolved describe_ecs_tasks query as a resource URI, and back. The URI carries everything the
// rows depend on (region, filters, an absolute UTC window), so reading it needs no server-side
// store: any replica, or this one after a restart, re-runs the query and gets the same rows.
// A URI comes back from clients as untrusted input: every field is checked with the tool's own
// patterns and bounds before anything can reach a request. MCP-free.
//
//   ecs-tasks://tasks?RegionId=cn-hangzhou&TaskStatus=Failed&StartTime=2026-11-27T00%3A00%3A00Z&TimeZone=Asia%2FShanghai
//
// Parameters appear in TASK_QUERY_PARAMS order, each at most once, absent ones left out (exactly the
// RFC 6570 expansion of TASK_QUERY_URI_TEMPLATE); lists are comma-separated; values are
// percent-encoded with encodeURIComponent, and "+" means "+" (not a space, as in HTML forms).
import { MAX_TASK_IDS, PROFILE_NAME, RESOURCE_ID, TASK_ID, TIME_ZONE_MAX } from "../contracts/fields.js";
import { REGION_ID_PATTERN } from "../ecs/region.js";
import { TASK_ACTIONS, TASK_STATUSES, type DescribeTasksParams, type TaskAction, type TaskStatus } from "../ecs/tasks-api.js";
import { InputError } from "../errors.js";
import { groupThousands } from "../util/text.js";
import { isUtcSeconds } from "../util/utc.js";

export const TASK_QUERY_SCHEME = "ecs-tasks";
export const TASK_QUERY_BASE = `${TASK_QUERY_SCHEME}://tasks`;
export const TASK_QUERY_PARAMS = ["RegionId", "TaskIds", "TaskAction", "TaskStatus", "StartTime", "EndTime", "ResourceIds", "TimeZone", "Profile"] as const;
/** RFC 6570: expanding it with a TaskQuery gives taskQueryUri's output. */
export const TASK_QUERY_URI_TEMPLATE = `${TASK_QUERY_BASE}{?${TASK_QUERY_PARAMS.join(",")}}`;
export const TASK_QUERY_MIME_TYPE = "text/csv";
/** Rows one read may return; a larger match is refused with a request to narrow the filters. */
export const MAX_CSV_ROWS = 100_000;
/** Far above the longest valid URI (100 task IDs and 100 resource IDs of the longest form are about 20,000 characters). */
export const MAX_TASK_QUERY_URI_LENGTH = 32_768;
/** The describe_ecs_tasks contract's bound on ResourceIds. */
export const MAX_RESOURCE_IDS = 100;
/** Accepted TimeZone values: IANA names and fixed offsets such as "UTC+08:00" (interpreted by src/time). */
export const TIME_ZONE_TOKEN = new RegExp(`^[A-Za-z0-9_+:/-]{1,${TIME_ZONE_MAX}}$`);

/** DescribeTasks' filters (RegionId may also be "all": every region of the account), no paging. */
export interface TaskQuery extends Omit<DescribeTasksParams, "PageNumber" | "PageSize"> {
  /** Zone of the CSV's local-time columns: an IANA name or a fixed offset like "UTC+08:00". */
  TimeZone?: string;
  /** The aliyun CLI profile whose account the rows come from (the answer's Profile). */
  Profile?: string;
}

type Param = (typeof TASK_QUERY_PARAMS)[number];

const refuse = (summary: string) =>
  new InputError(summary, [`Expected ${TASK_QUERY_BASE}?RegionId=<region or all>[&TaskStatus=Failed][&StartTime=<yyyy-MM-ddTHH:mm:ssZ>]..., as given by describe_ecs_tasks.`]);

/** Quotes untrusted text in a refusal, short and without control characters. */
const quote = (s: string) => JSON.stringify(s.length > 80 ? `${s.slice(0, 80)}…` : s);

function checkRegion(v: string): string {
  if (v === "all" || (v.length <= 64 && REGION_ID_PATTERN.test(v))) return v;
  throw refuse(`RegionId ${quote(v)} is not a region ID like "cn-hangzhou", nor "all".`);
}

function checkUtc(name: "StartTime" | "EndTime", v: string): string {
  // The one UTC form the server sends to DescribeTasks, never a relative phrase, so the URI means
  // the same rows tomorrow. (Same-length ISO strings compare in time order.)
  if (!isUtcSeconds(v) || v < "1970-01-01T00:00:00Z") {
    throw refuse(`${name} ${quote(v)} is not an absolute UTC time yyyy-MM-ddTHH:mm:ssZ from 1970 on (e.g. 2026-11-27T00:00:00Z).`);
  }
  return v;
}

function checkList(name: "TaskIds" | "ResourceIds", items: readonly string[], pattern: RegExp, max: number, example: string): string[] {
  if (items.length === 0 || items.length > max) throw refuse(`${name} must hold 1 to ${max} IDs; it has ${items.length}.`);
  const bad = items.find((id) => !pattern.test(id));
  if (bad !== undefined) throw refuse(`${name} holds ${quote(bad)}, which is not an ID like ${example}.`);
  if (new Set(items).size !== items.length) throw refuse(`${name} names an ID twice.`);
  return [...items];
}

function checkEnum<T extends string>(name: string, v: string, values: readonly T[]): T {
  if ((values as readonly string[]).includes(v)) return v as T;
  throw refuse(`${name} ${quote(v)} is not one of: ${values.join(", ")}.`);
}

function checkTimeZone(v: string): string {
  if (TIME_ZONE_TOKEN.test(v)) return v;
  throw refuse(`TimeZone ${quote(v)} is not an IANA zone name or a fixed offset like "UTC+08:00" (letters, digits and _ + : / -, at most ${TIME_ZONE_MAX}).`);
}

/** Every field checked; a copy with exactly the known fields, lists copied. */
export function validateTaskQuery(q: TaskQuery): TaskQuery {
  const out: TaskQuery = { RegionId: checkRegion(q.RegionId) };
  if (q.TaskIds !== undefined) out.TaskIds = checkList("TaskIds", q.TaskIds, TASK_ID, MAX_TASK_IDS, "t-bp1hvgwromzv32iq1234");
  if (q.TaskAction !== undefined) out.TaskAction = checkEnum("TaskAction", q.TaskAction, TASK_ACTIONS);
  if (q.TaskStatus !== undefined) out.TaskStatus = checkEnum("TaskStatus", q.TaskStatus, TASK_STATUSES);
  if (q.StartTime !== undefined) out.StartTime = checkUtc("StartTime", q.StartTime);
  if (q.EndTime !== undefined) out.EndTime = checkUtc("EndTime", q.EndTime);
  if (out.StartTime && out.EndTime && out.StartTime > out.EndTime) {
    throw refuse(`StartTime ${out.StartTime} is after EndTime ${out.EndTime}.`);
  }
  if (q.ResourceIds !== undefined) out.ResourceIds = checkList("ResourceIds", q.ResourceIds, RESOURCE_ID, MAX_RESOURCE_IDS, "m-bp1i8huqm5u7abcd");
  if (q.TimeZone !== undefined) out.TimeZone = checkTimeZone(q.TimeZone);
  if (q.Profile !== undefined) {
    if (!PROFILE_NAME.test(q.Profile)) throw refuse(`Profile ${quote(q.Profile)} is not an aliyun CLI profile name.`);
    out.Profile = q.Profile;
  }
  return out;
}

/** The query's URI. Throws InputError for a query the URI could not carry (a relative time, a bad ID). */
export function taskQueryUri(q: TaskQuery): string {
  const v = validateTaskQuery(q);
  const values: Record<Param, string | undefined> = {
    RegionId: v.RegionId,
    TaskIds: v.TaskIds?.join(","),
    TaskAction: v.TaskAction,
    TaskStatus: v.TaskStatus,
    StartTime: v.StartTime,
    EndTime: v.EndTime,
    ResourceIds: v.ResourceIds?.join(","),
    TimeZone: v.TimeZone,
    Profile: v.Profile,
  };
  // Commas separate list items and are kept literal (IDs never contain one), as RFC 6570 does.
  const enc = (s: string) => s.split(",").map(encodeURIComponent).join(",");
  const pairs = TASK_QUERY_PARAMS.flatMap((name) => (values[name] === undefined ? [] : [`${name}=${enc(values[name])}`]));
  return `${TASK_QUERY_BASE}?${pairs.join("&")}`;
}

function decode(name: string, raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw refuse(`${name} holds a malformed percent-encoding.`);
  }
}

/** The query a URI names. Throws InputError, saying what is wrong, for anything malformed or out of bounds. */
export function parseTaskQueryUri(uri: string): TaskQuery {
  if (typeof uri !== "string") throw refuse("The resource URI must be a string.");
  if (uri.length > MAX_TASK_QUERY_URI_LENGTH) throw refuse(`The resource URI is too long (${uri.length} characters; at most ${MAX_TASK_QUERY_URI_LENGTH}).`);
  if (!uri.startsWith(`${TASK_QUERY_BASE}?`)) throw refuse(`The resource URI must start with ${TASK_QUERY_BASE}?RegionId=...; got ${quote(uri)}.`);
  const query = uri.slice(TASK_QUERY_BASE.length + 1);
  if (query.includes("#")) throw refuse("The resource URI must not have a fragment (#...).");
  const seen = new Map<Param, string>();
  for (const pair of query === "" ? [] : query.split("&")) {
    if (pair === "") throw refuse("The resource URI has an empty parameter (a doubled or trailing &).");
    const eq = pair.indexOf("=");
    const name = eq < 0 ? pair : pair.slice(0, eq);
    if (!(TASK_QUERY_PARAMS as readonly string[]).includes(name)) {
      throw refuse(`Unknown parameter ${quote(decode("A parameter name", name))} in the resource URI; known: ${TASK_QUERY_PARAMS.join(", ")}.`);
    }
    const param = name as Param;
    if (seen.has(param)) throw refuse(`${param} appears twice in the resource URI.`);
    if (eq < 0 || eq === pair.length - 1) throw refuse(`${param} has no value in the resource URI.`);
    seen.set(param, pair.slice(eq + 1));
  }
  const text = (name: Param) => {
    const raw = seen.get(name);
    return raw === undefined ? undefined : decode(name, raw);
  };
  const list = (name: "TaskIds" | "ResourceIds") => seen.get(name)?.split(",").map((item) => decode(name, item));
  const region = text("RegionId");
  if (region === undefined) throw refuse("RegionId is missing from the resource URI.");
  const q: TaskQuery = { RegionId: region };
  const taskIds = list("TaskIds");
  if (taskIds) q.TaskIds = taskIds;
  const action = text("TaskAction");
  if (action !== undefined) q.TaskAction = action as TaskAction;
  const status = text("TaskStatus");
  if (status !== undefined) q.TaskStatus = status as TaskStatus;
  const start = text("StartTime");
  if (start !== undefined) q.StartTime = start;
  const end = text("EndTime");
  if (end !== undefined) q.EndTime = end;
  const resourceIds = list("ResourceIds");
  if (resourceIds) q.ResourceIds = resourceIds;
  const zone = text("TimeZone");
  if (zone !== undefined) q.TimeZone = zone;
  const profile = text("Profile");
  if (profile !== undefined) q.Profile = profile;
  return validateTaskQuery(q);
}

/** A `resource_link` content block (MCP 2025-06-18) naming the complete row set as CSV. */
export interface TaskRowsLink {
  type: "resource_link";
  uri: string;
  name: string;
  title: string;
  description: string;
  mimeType: string;
}

/**
 * The link the describe_ecs_tasks answer carries when it shows fewer rows than match: put it in
 * `content` as is, and its `uri` in `structuredContent`. `rowCount`: the tasks that match (TotalCount).
 */
export function resourceLinkFor(q: TaskQuery, rowCount: number): TaskRowsLink {
  const uri = taskQueryUri(q);
  const where = q.RegionId === "all" ? "every region" : q.RegionId;
  const filters = [q.TaskAction, q.TaskStatus, q.TaskIds && `${q.TaskIds.length} task ID(s)`, q.ResourceIds && `${q.ResourceIds.length} resource ID(s)`]
    .filter(Boolean)
    .join(", ");
  const window = q.StartTime || q.EndTime ? `, created ${q.StartTime ?? "any time"} to ${q.EndTime ?? "now"} (UTC)` : "";
  return {
    type: "resource_link",
    uri,
    name: "ecs-tasks.csv",
    title: `All ${rowCount} matching ECS task(s) as CSV`,
    description:
      `Every task matching this query (${where}${filters ? `, ${filters}` : ""}${window}), one CSV row each, read fresh with resources/read` +
      `${q.TimeZone ? `; local times in ${q.TimeZone}` : ""}. At most ${groupThousands(MAX_CSV_ROWS)} rows.`,
    mimeType: TASK_QUERY_MIME_TYPE,
  };
}


/**
 * The TaskQuery behind a describe_ecs_tasks answer: the filters it sent to DescribeTasks (times
 * already resolved to UTC; paging dropped, the resource holds every page) and the answer's zone.
 */
export function taskQueryFrom(params: DescribeTasksParams, timeZone?: string, profile?: string): TaskQuery {
  const q: TaskQuery = { RegionId: params.RegionId };
  if (params.TaskIds?.length) q.TaskIds = [...params.TaskIds];
  if (params.TaskAction) q.TaskAction = params.TaskAction;
  if (params.TaskStatus) q.TaskStatus = params.TaskStatus;
  if (params.StartTime) q.StartTime = params.StartTime;
  if (params.EndTime) q.EndTime = params.EndTime;
  if (params.ResourceIds?.length) q.ResourceIds = [...params.ResourceIds];
  if (timeZone) q.TimeZone = timeZone;
  if (profile) q.Profile = profile;
  return q;
}

/** The DescribeTasks filters of a TaskQuery (no paging, no region: the reader adds both). */
export function describeTasksFilters(q: TaskQuery): Omit<DescribeTasksParams, "RegionId" | "PageNumber" | "PageSize"> {
  const { RegionId: _region, TimeZone: _zone, Profile: _profile, ...filters } = q;
  return filters;
}
