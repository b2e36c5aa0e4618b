// A fake EcsApi for handler tests (GitHub's MCP server style): each action answers from a function
// of its parameters, or fails with the given error; every call is recorded. No HTTP, no signing, no
// MCP: the real use cases, renderers and error model run on top of it.
import type { EcsApi, EcsResponse, QueryParams } from "../../src/ecs/client.js";
import { RegionResolver } from "../../src/ecs/region.js";
import { DurationHistory } from "../../src/progress/history.js";
import { ProgressTracker } from "../../src/progress/tracker.js";
import { RegionCatalog } from "../../src/tasks/regions.js";
import type { UseCaseDeps } from "../../src/usecases/services.js";

export type FakeAnswer = Record<string, unknown> | Error;
export type FakeRoutes = Record<string, (params: QueryParams) => FakeAnswer>;

export interface FakeCall {
  action: string;
  params: QueryParams;
  regionId: string | undefined;
}

export class FakeEcs implements EcsApi {
  readonly calls: FakeCall[] = [];
  constructor(private readonly routes: FakeRoutes) {}

  async call(action: string, params: QueryParams, options: { regionId?: string } = {}): Promise<EcsResponse> {
    this.calls.push({ action, params, regionId: options.regionId });
    const route = this.routes[action];
    if (!route) throw new Error(`fake ECS: no route for ${action}`);
    const answer = route(params);
    if (answer instanceof Error) throw answer;
    return {
      body: answer,
      requestId: typeof answer.RequestId === "string" ? answer.RequestId : `REQ-${action}-${this.calls.length}`,
      endpoint: "https://ecs.fake.example",
      httpStatus: 200,
      providerName: "fake",
      attempts: 1,
    };
  }
}

export const NOW = new Date("2026-11-28T14:10:00Z");

/** The use cases' dependencies around a fake client, with a fixed clock and an instant sleep. */
export function fakeDeps(ecs: EcsApi, over: Partial<UseCaseDeps> = {}): UseCaseDeps & { logs: string[]; progress: number[] } {
  let nowMs = NOW.getTime();
  const now = () => new Date(nowMs);
  const logs: string[] = [];
  const progress: number[] = [];
  return {
    ecs,
    regions: new RegionResolver("cn-hangzhou", undefined, "/nonexistent-home"),
    now,
    defaultTimeZone: "UTC",
    tracker: new ProgressTracker(),
    history: new DurationHistory(now),
    regionCatalog: new RegionCatalog(now),
    pageConcurrency: 8,
    regionBudgetMs: 20_000,
    sleep: async (ms, signal) => {
      signal.throwIfAborted();
      nowMs += ms;
    },
    dataSource: "alibaba-cloud",
    redact: (text) => text,
    signal: new AbortController().signal,
    log: async (_level, message) => void logs.push(message),
    reportProgress: async (value) => void progress.push(value),
    logs,
    progress,
    ...over,
  };
}

/** A DescribeTasks body holding `tasks` (page 1 of `total`). */
export function tasksBody(tasks: Record<string, unknown>[], total = tasks.length, page = { number: 1, size: 10 }): Record<string, unknown> {
  return { RegionId: "cn-hangzhou", TotalCount: total, PageNumber: page.number, PageSize: page.size, TaskSet: { Task: tasks } };
}

export function task(id: string, over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    TaskId: id,
    TaskAction: "ImportImage",
    TaskStatus: "Finished",
    ResourceId: "m-bp1fake0000000001",
    CreationTime: "2026-11-28T12:00Z",
    FinishedTime: "2026-11-28T12:30Z",
    SupportCancel: "false",
    ...over,
  };
}

/** A DescribeTaskAttribute body. */
export function attributeBody(id: string, over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    RegionId: "cn-hangzhou",
    TaskId: id,
    TaskAction: "ImportImage",
    TaskStatus: "Processing",
    TaskProcess: "40%",
    CreationTime: "2026-11-28T13:10Z",
    SupportCancel: "true",
    OperationProgressSet: { OperationProgress: [{ OperationStatus: "Processing", RelatedItemSet: { RelatedItem: [{ Name: "ImageName", Value: "golden" }] } }] },
    ...over,
  };
}
