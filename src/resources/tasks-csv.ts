// The CSV resource: `resources/read` of an ecs-tasks://tasks?... URI parses the query it encodes,
// re-runs it over every page (and region) and answers every row as text/csv. Nothing is stored
// between the answer that gave the link and the read, so any replica, or this process after a
// restart, serves it. The MCP adapter only: parsing, reading and rendering live in the inner layers.
import { type McpServer, ResourceTemplate } from "@modelcontextprotocol/sdk/server/mcp.js";
import { UriTemplate, type Variables } from "@modelcontextprotocol/sdk/shared/uriTemplate.js";
import { ErrorCode, McpError, type ReadResourceResult } from "@modelcontextprotocol/sdk/types.js";
import { diagnose, diagnosisText, InputError } from "../errors.js";
import type { Redactor } from "../redact.js";
import { tasksCsv } from "../render/tasks-csv.js";
import { MAX_CSV_ROWS, parseTaskQueryUri, TASK_QUERY_MIME_TYPE, TASK_QUERY_SCHEME, TASK_QUERY_URI_TEMPLATE, type TaskQuery } from "../tasks/query-uri.js";
import type { Caller } from "../policy.js";
import { scopeToProfile } from "../usecases/profile-scope.js";
import { readTaskRows } from "../usecases/task-rows.js";
import { groupThousands } from "../util/text.js";
import type { TaskServices } from "../usecases/services.js";

export const TASKS_CSV_RESOURCE = "ecs_tasks_csv";

/**
 * The SDK's RFC 6570 matcher wants every `{?...}` variable present, in order; ours are optional and
 * a hostile URI must get our refusal, not "not found". So every URI of our scheme is ours, and
 * parseTaskQueryUri decides. The template text is still what resources/templates/list shows.
 */
class TaskQueryTemplate extends UriTemplate {
  override match(uri: string): Variables | null {
    return uri.startsWith(`${TASK_QUERY_SCHEME}:`) ? {} : null;
  }
}

/** An MCP error whose wire message is the diagnosis itself (McpError would prefix "MCP error <code>:" twice over). */
function readError(code: ErrorCode, text: string): McpError {
  const err = new McpError(code, text);
  err.message = text;
  return err;
}

export interface TasksCsvOptions {
  services: TaskServices;
  redactor: Redactor;
  /** A line saying the data is generated, when it is (sent beside the CSV, never inside it). */
  sandboxLabel?: string;
  /** Who reads (the profiles it may name). */
  caller?: Caller;
}

export function registerTasksCsvResource(server: McpServer, o: TasksCsvOptions): void {
  const { services, redactor } = o;
  const fail = (code: ErrorCode, err: unknown) =>
    readError(code, redactor.redact(diagnosisText(diagnose(err, { now: services.now(), redact: redactor.text }))));

  const template = new ResourceTemplate(new TaskQueryTemplate(TASK_QUERY_URI_TEMPLATE), {
    // Nothing to list: a resource exists per query (any filters, any window), not as a fixed set,
    // and the server keeps no record of the queries it answered. Links come in describe_ecs_tasks answers.
    list: () => ({ resources: [] }),
  });

  server.registerResource(
    TASKS_CSV_RESOURCE,
    template,
    {
      title: "ECS tasks as CSV",
      description:
        `Every task matching a describe_ecs_tasks query, one CSV row each (at most ${groupThousands(MAX_CSV_ROWS)}), re-read on each request. ` +
        "Use the resource_link URI a describe_ecs_tasks answer gives: RegionId (or all) is required, StartTime/EndTime are absolute UTC.",
      mimeType: TASK_QUERY_MIME_TYPE,
    },
    async (uri, _variables, extra): Promise<ReadResourceResult> => {
      let query: TaskQuery;
      try {
        query = parseTaskQueryUri(uri.href);
      } catch (err) {
        throw fail(ErrorCode.InvalidParams, err);
      }
      try {
        // Under the answer's Profile (checked against the caller's policy like a tool call).
        const scoped = await scopeToProfile(query.Profile, { ...services, signal: extra.signal, log: () => Promise.resolve(), ...(o.caller ? { caller: o.caller } : {}) });
        const rows = await readTaskRows(query, scoped);
        const notes = [
          ...(o.sandboxLabel ? [o.sandboxLabel] : []),
          ...(rows.FailedRegions?.length
            ? [
                `Incomplete: ${rows.FailedRegions.length} region(s) failed and their rows are missing from the CSV:`,
                ...rows.FailedRegions.map((r) => `- ${r.RegionId}: ${r.Error ?? "failed"}`),
                "Read the resource again, or read those regions one by one.",
              ]
            : []),
        ];
        return {
          contents: [
            { uri: uri.href, mimeType: TASK_QUERY_MIME_TYPE, text: redactor.redact(tasksCsv(rows.Tasks, query.TimeZone)) },
            ...(notes.length ? [{ uri: uri.href, mimeType: "text/plain", text: redactor.redact(notes.join("\n")) }] : []),
          ],
        };
      } catch (err) {
        throw fail(err instanceof InputError ? ErrorCode.InvalidParams : ErrorCode.InternalError, err);
      }
    },
  );
}
