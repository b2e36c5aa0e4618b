// The CSV resource's URI: a round trip for every valid query, one canonical spelling (the RFC 6570
// expansion of the advertised template, unchanged by WHATWG URL parsing), and a refusal with a
// reason for everything malformed or out of bounds.
import fc from "fast-check";
import { UriTemplate } from "@modelcontextprotocol/sdk/shared/uriTemplate.js";
import { ResourceLinkSchema } from "@modelcontextprotocol/sdk/types.js";
import { describe, expect, it } from "vitest";
import { TASK_ACTIONS, TASK_STATUSES } from "../../src/ecs/tasks-api.js";
import { InputError } from "../../src/errors.js";
import {
  MAX_TASK_QUERY_URI_LENGTH,
  TASK_QUERY_PARAMS,
  TASK_QUERY_URI_TEMPLATE,
  parseTaskQueryUri,
  resourceLinkFor,
  taskQueryFrom,
  taskQueryUri,
  type TaskQuery,
} from "../../src/tasks/query-uri.js";

const utc = fc
  .integer({ min: 0, max: Date.UTC(9999, 11, 31, 23, 59, 59) / 1000 })
  .map((s) => new Date(s * 1000).toISOString().replace(/\.000Z$/, "Z"));
const ids = (pattern: RegExp) => fc.uniqueArray(fc.stringMatching(pattern), { minLength: 1, maxLength: 100 });

const taskQuery: fc.Arbitrary<TaskQuery> = fc
  .record(
    {
      RegionId: fc.oneof(fc.constantFrom("all", "cn-hangzhou", "ap-southeast-1", "us-west-1"), fc.stringMatching(/^[a-z]{2,8}(-[a-z0-9]{1,8}){1,3}$/)),
      TaskIds: ids(/^t-[A-Za-z0-9]{4,64}$/),
      TaskAction: fc.constantFrom(...TASK_ACTIONS),
      TaskStatus: fc.constantFrom(...TASK_STATUSES),
      window: fc.tuple(utc, utc).map(([a, b]) => (a <= b ? [a, b] : [b, a])),
      onlyStart: fc.boolean(),
      ResourceIds: ids(/^[A-Za-z0-9][A-Za-z0-9._-]{1,127}$/),
      TimeZone: fc.oneof(fc.constantFrom("Asia/Shanghai", "America/Argentina/Buenos_Aires", "UTC+08:00", "Etc/GMT-8", "GMT-5", "+05:30"), fc.stringMatching(/^[A-Za-z0-9_+:/-]{1,64}$/)),
    },
    { requiredKeys: ["RegionId"] },
  )
  .map(({ window, onlyStart, ...rest }) => ({
    ...rest,
    ...(window ? (onlyStart ? { StartTime: window[0] } : { StartTime: window[0], EndTime: window[1] }) : {}),
  }));

describe("taskQueryUri / parseTaskQueryUri", () => {
  it("round-trips every valid query; the URI is canonical and the template's own expansion", () => {
    const template = new UriTemplate(TASK_QUERY_URI_TEMPLATE);
    fc.assert(
      fc.property(taskQuery, (q) => {
        const uri = taskQueryUri(q);
        expect(parseTaskQueryUri(uri)).toEqual(q);
        expect(new URL(uri).href).toBe(uri); // what the SDK hands the read callback
        expect(template.expand(q as unknown as Record<string, string | string[]>)).toBe(uri);
        const names = uri.slice(uri.indexOf("?") + 1).split("&").map((p) => p.split("=")[0]);
        expect(names).toEqual(TASK_QUERY_PARAMS.filter((n) => q[n] !== undefined));
        expect(uri.length).toBeLessThan(MAX_TASK_QUERY_URI_LENGTH);
      }),
      { numRuns: 400 },
    );
  });

  it("spells a typical query readably", () => {
    expect(
      taskQueryUri({ RegionId: "cn-hangzhou", TaskStatus: "Failed", StartTime: "2026-11-27T00:00:00Z", EndTime: "2026-11-28T00:00:00Z", TimeZone: "Asia/Shanghai" }),
    ).toBe(
      "ecs-tasks://tasks?RegionId=cn-hangzhou&TaskStatus=Failed&StartTime=2026-11-27T00%3A00%3A00Z&EndTime=2026-11-28T00%3A00%3A00Z&TimeZone=Asia%2FShanghai",
    );
    expect(taskQueryUri({ RegionId: "all", TaskIds: ["t-abcd1234", "t-efgh5678"] })).toBe("ecs-tasks://tasks?RegionId=all&TaskIds=t-abcd1234,t-efgh5678");
  });

  it("accepts parameters in any order, literal reserved characters, and + as a plus", () => {
    expect(parseTaskQueryUri("ecs-tasks://tasks?TimeZone=UTC+08:00&StartTime=2026-11-27T00:00:00Z&RegionId=cn-hangzhou")).toEqual({
      RegionId: "cn-hangzhou",
      StartTime: "2026-11-27T00:00:00Z",
      TimeZone: "UTC+08:00",
    });
  });

  const base = "ecs-tasks://tasks?RegionId=cn-hangzhou";
  const REFUSED: Array<[string, string, RegExp]> = [
    ["another scheme", "https://evil.example/tasks?RegionId=cn-hangzhou", /must start with ecs-tasks:\/\/tasks\?/],
    ["another host", "ecs-tasks://evil?RegionId=cn-hangzhou", /must start with/],
    ["a path", "ecs-tasks://tasks/../x?RegionId=cn-hangzhou", /must start with/],
    ["no query", "ecs-tasks://tasks", /must start with/],
    ["an empty query", "ecs-tasks://tasks?", /RegionId is missing/],
    ["no RegionId", "ecs-tasks://tasks?TaskStatus=Failed", /RegionId is missing/],
    ["a fragment", `${base}#x`, /fragment/],
    ["a trailing &", `${base}&`, /empty parameter/],
    ["an unknown parameter", `${base}&Action=CancelTask`, /Unknown parameter "Action"/],
    ["a paging parameter", `${base}&PageNumber=2`, /Unknown parameter "PageNumber"/],
    ["a relative time", `${base}&TimeRange=yesterday`, /Unknown parameter "TimeRange"/],
    ["a duplicate", `${base}&RegionId=cn-beijing`, /RegionId appears twice/],
    ["an empty value", `${base}&TaskStatus=`, /TaskStatus has no value/],
    ["a bare name", `${base}&TaskStatus`, /TaskStatus has no value/],
    ["a host-like region", "ecs-tasks://tasks?RegionId=cn-hangzhou.evil.com", /RegionId "cn-hangzhou.evil.com" is not a region ID/],
    ["an upper-case region", "ecs-tasks://tasks?RegionId=CN-HANGZHOU", /not a region ID/],
    ["an encoded CRLF in a region", "ecs-tasks://tasks?RegionId=cn-hangzhou%0D%0AX-Injected:%201", /not a region ID/],
    ["a long region", `ecs-tasks://tasks?RegionId=cn-${"a".repeat(70)}`, /not a region ID/],
    ["a lower-case status", `${base}&TaskStatus=failed`, /TaskStatus "failed" is not one of: Finished, Processing, Failed/],
    ["an unknown action", `${base}&TaskAction=DeleteInstance`, /TaskAction "DeleteInstance" is not one of/],
    ["a phrase as StartTime", `${base}&StartTime=yesterday`, /StartTime "yesterday" is not an absolute UTC time/],
    ["a time with an offset", `${base}&StartTime=2026-11-27T08:00:00%2B08:00`, /not an absolute UTC time/],
    ["milliseconds", `${base}&EndTime=2026-11-27T00:00:00.000Z`, /not an absolute UTC time/],
    ["an impossible date", `${base}&StartTime=2026-02-30T00:00:00Z`, /not an absolute UTC time/],
    ["hour 24", `${base}&StartTime=2026-02-03T24:00:00Z`, /not an absolute UTC time/],
    ["before 1970", `${base}&StartTime=1969-12-31T23:59:59Z`, /not an absolute UTC time/],
    ["a start after the end", `${base}&StartTime=2026-11-28T00:00:00Z&EndTime=2026-11-27T00:00:00Z`, /StartTime 2026-11-28T00:00:00Z is after EndTime/],
    ["a bad task ID", `${base}&TaskIds=t-abcd1234,x-1`, /TaskIds holds "x-1"/],
    ["an injected task ID", `${base}&TaskIds=t-abcd1234%26Action%3DCancelTask`, /TaskIds holds "t-abcd1234&Action=CancelTask"/],
    ["an empty list item", `${base}&TaskIds=t-abcd1234,,t-efgh5678`, /TaskIds holds ""/],
    ["a repeated task ID", `${base}&TaskIds=t-abcd1234,t-abcd1234`, /names an ID twice/],
    ["101 task IDs", `${base}&TaskIds=${Array.from({ length: 101 }, (_, i) => `t-abcd${1000 + i}`).join(",")}`, /TaskIds must hold 1 to 100 IDs; it has 101/],
    ["101 resource IDs", `${base}&ResourceIds=${Array.from({ length: 101 }, (_, i) => `m-abcd${1000 + i}`).join(",")}`, /ResourceIds must hold 1 to 100/],
    ["a bad resource ID", `${base}&ResourceIds=../etc`, /ResourceIds holds "..\/etc"/],
    ["a zone with a space", `${base}&TimeZone=Asia%2FShang%20hai`, /TimeZone "Asia\/Shang hai" is not an IANA zone name or a fixed offset/],
    ["a long zone", `${base}&TimeZone=${"A".repeat(65)}`, /TimeZone .* at most 64/],
    ["a bad percent-encoding", `${base}&TimeZone=%E0%A4%A`, /malformed percent-encoding/],
    ["a huge URI", `${base}&TimeZone=${"A".repeat(MAX_TASK_QUERY_URI_LENGTH)}`, /too long/],
  ];

  it.each(REFUSED)("refuses %s", (_what, uri, message) => {
    let thrown: unknown;
    try {
      parseTaskQueryUri(uri);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(InputError);
    expect((thrown as InputError).summary).toMatch(message);
    expect((thrown as InputError).code).toBe("InvalidInput");
  });

  it("refuses to build a URI for a query it could not carry", () => {
    expect(() => taskQueryUri({ RegionId: "cn-hangzhou", StartTime: "yesterday" })).toThrow(InputError);
    expect(() => taskQueryUri({ RegionId: "" })).toThrow(/not a region ID/);
  });
});

describe("resourceLinkFor / taskQueryFrom", () => {
  it("builds a resource_link content block the SDK accepts, naming the query's URI", () => {
    const q = taskQueryFrom(
      { RegionId: "cn-hangzhou", TaskStatus: "Failed", StartTime: "2026-11-27T00:00:00Z", EndTime: "2026-11-28T00:00:00Z", PageNumber: 3, PageSize: 100 },
      "Asia/Shanghai",
    );
    expect(q).toEqual({ RegionId: "cn-hangzhou", TaskStatus: "Failed", StartTime: "2026-11-27T00:00:00Z", EndTime: "2026-11-28T00:00:00Z", TimeZone: "Asia/Shanghai" });
    const link = resourceLinkFor(q, 1234);
    expect(ResourceLinkSchema.parse(link)).toEqual(link);
    expect(link).toMatchObject({ type: "resource_link", uri: taskQueryUri(q), mimeType: "text/csv", name: "ecs-tasks.csv" });
    expect(link.title).toContain("1234");
    expect(link.description).toMatch(/cn-hangzhou, Failed, created 2026-11-27T00:00:00Z to 2026-11-28T00:00:00Z \(UTC\).*Asia\/Shanghai.*100,000/);
  });
});
