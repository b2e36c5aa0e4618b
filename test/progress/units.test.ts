import { describe, expect, it } from "vitest";
import type { EcsResponse } from "../../src/ecs/client.js";
import { parseDescribeTaskAttribute, parseTaskProcess } from "../../src/ecs/task-attribute-api.js";
import { bestEta, etaFromHistory, etaFromOwnPace, etaFromRate, median } from "../../src/progress/eta.js";
import { ProgressTracker } from "../../src/progress/tracker.js";
import { mapLimit } from "../../src/util/concurrency.js";

const T0 = Date.parse("2026-11-28T14:10:00Z");
const MIN = 60_000;

describe("TaskProcess parsing", () => {
  it.each([
    ["63%", 63],
    ["100%", 100],
    ["0%", 0],
    ["7.5%", 7.5],
    [" 42 % ", 42],
    ["42", 42],
    ["150%", 100],
    ["", undefined],
    [undefined, undefined],
    [null, undefined],
    ["abc", undefined],
    ["-5%", undefined],
    [55, 55],
  ])("%j -> %j", (raw, expected) => {
    expect(parseTaskProcess(raw)).toBe(expected);
  });
});

describe("DescribeTaskAttribute parsing", () => {
  const res = (body: Record<string, unknown>): EcsResponse => ({ body, endpoint: "e", httpStatus: 200, providerName: "p", attempts: 1, requestId: "R" });

  it("reads the documented fields, operations and related items", () => {
    const d = parseDescribeTaskAttribute(
      res({
        TaskId: "t-1",
        TaskAction: "ImportImage",
        TaskStatus: "Failed",
        TaskProcess: "12%",
        SupportCancel: "false",
        SuccessCount: 0,
        FailedCount: "1",
        TotalCount: 1,
        CreationTime: "2026-11-28T09:10Z",
        FinishedTime: "2026-11-28T09:20Z",
        RegionId: "cn-hangzhou",
        OperationProgressSet: {
          OperationProgress: [
            {
              OperationStatus: "Failed",
              ErrorCode: "InvalidOSSObject.NotFound",
              ErrorMsg: "gone",
              RelatedItemSet: { RelatedItem: [{ Name: "OSSBucket", Value: "b" }, { Name: "OSSObject", Value: "o" }] },
            },
          ],
        },
      }),
    );
    expect(d).toMatchObject({
      TaskId: "t-1",
      Progress: 12,
      TaskProcess: "12%",
      SupportCancel: false,
      SuccessCount: 0,
      FailedCount: 1,
      TotalCount: 1,
      CreationTime: "2026-11-28T09:10:00Z",
      FinishedTime: "2026-11-28T09:20:00Z",
      Operations: [{ OperationStatus: "Failed", ErrorCode: "InvalidOSSObject.NotFound", ErrorMsg: "gone", RelatedItems: { OSSBucket: "b", OSSObject: "o" } }],
    });
  });

  it("treats a finished task without a percent as 100 and a running one as unknown", () => {
    expect(parseDescribeTaskAttribute(res({ TaskId: "t-1", TaskStatus: "Finished", TaskProcess: "" })).Progress).toBe(100);
    expect(parseDescribeTaskAttribute(res({ TaskId: "t-1", TaskStatus: "Processing" })).Progress).toBeUndefined();
  });

  it("refuses an answer without a TaskId", () => {
    expect(() => parseDescribeTaskAttribute(res({ TaskStatus: "Finished" }))).toThrow(/without a TaskId/);
  });
});

describe("ETA", () => {
  it("extrapolates the observed rate", () => {
    const eta = etaFromRate([
      { at: T0, progress: 40 },
      { at: T0 + 6 * MIN, progress: 46 },
      { at: T0 + 12 * MIN, progress: 52 },
    ]);
    expect(eta?.EtaBasis).toBe("observed-rate");
    expect(eta?.EstimatedCompletionTime).toBe("2026-11-28T15:10:00Z");
    expect(eta?.EtaNote).toMatch(/3 progress readings over 12 min \(40% -> 52%\)/);
  });

  it("from one reading, uses the task's own pace since creation (creation = 0 %), never in the past", () => {
    const created = new Date(T0 - 60 * MIN).toISOString();
    const eta = etaFromOwnPace(created, 40, T0);
    expect(eta).toMatchObject({ EtaBasis: "own-pace", EstimatedCompletionTime: new Date(T0 + 90 * MIN).toISOString().replace(".000Z", "Z") });
    expect(etaFromOwnPace(created, 0, T0)).toBeUndefined();
    expect(etaFromOwnPace(created, 100, T0)).toBeUndefined();
    expect(Date.parse(etaFromOwnPace(created, 99.5, T0)!.EstimatedCompletionTime!)).toBeGreaterThanOrEqual(T0);
    // Two readings beat one: the observed rate wins when there is one.
    expect(bestEta([{ at: T0 - 10 * MIN, progress: 30 }, { at: T0, progress: 40 }], created, 40, T0)?.EtaBasis).toBe("observed-rate");
    expect(bestEta([{ at: T0, progress: 40 }], created, 40, T0)?.EtaBasis).toBe("own-pace");
  });

  it("gives no rate from one reading or from no movement", () => {
    expect(etaFromRate([{ at: T0, progress: 40 }])).toBeUndefined();
    expect(etaFromRate([{ at: T0, progress: 40 }, { at: T0 + MIN, progress: 40 }])).toBeUndefined();
  });

  it("uses the median of history, and says when it has passed", () => {
    const stats = { medianSeconds: 40 * 60, samples: 3 };
    const eta = etaFromHistory("2026-11-28T13:46:00Z", stats, T0, "ImportImage");
    expect(eta).toMatchObject({ EstimatedCompletionTime: "2026-11-28T14:26:00Z", EtaBasis: "history-median" });
    expect(eta?.EtaNote).toMatch(/typical ImportImage here takes 40 min \(median of 3/);
    // Past the typical duration: never an estimate in the past, but how far overdue it is.
    const late = etaFromHistory("2026-11-28T12:00:00Z", stats, T0, "ImportImage");
    expect(late?.EstimatedCompletionTime).toBeUndefined();
    expect(late?.OverdueSeconds).toBe((T0 - Date.parse("2026-11-28T12:40:00Z")) / 1000);
    expect(late?.EtaNote).toMatch(/overdue by/);
    expect(etaFromHistory("2026-11-28T12:00:00Z", { medianSeconds: 0, samples: 0 }, T0, "ImportImage")).toBeUndefined();
  });

  it("computes medians", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([])).toBeUndefined();
  });
});

describe("progress tracker", () => {
  it("keeps readings per task and starts over when progress drops", () => {
    const t = new ProgressTracker();
    t.observe("r", "a", T0, 10);
    t.observe("r", "a", T0 + MIN, 20);
    t.observe("r", "a", T0 + MIN, 25); // same instant: ignored
    expect(t.observations("r", "a")).toEqual([{ at: T0, progress: 10 }, { at: T0 + MIN, progress: 20 }]);
    t.observe("r", "a", T0 + 2 * MIN, 5);
    expect(t.observations("r", "a")).toEqual([{ at: T0 + 2 * MIN, progress: 5 }]);
    expect(t.observations("other", "a")).toEqual([]);
  });
});

describe("bounded concurrency", () => {
  it("never has more than the limit in flight and keeps order", async () => {
    let inFlight = 0;
    let peak = 0;
    const out = await mapLimit([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], 5, async (n) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await Promise.resolve();
      await new Promise<void>((r) => setImmediate(r));
      inFlight--;
      return n * 2;
    });
    expect(peak).toBe(5);
    expect(out).toEqual([2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24]);
  });
});
