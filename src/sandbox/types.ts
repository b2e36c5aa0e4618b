// Public types of the sandbox: an in-repo stand-in for the ECS RPC endpoint.
// Kept in one place so data, handlers, faults and server agree on one shape.
import type { RequestLog } from "./request-log.js";

export const SANDBOX_CREDENTIAL = {
  accessKeyId: "LTAI5tSandboxDemo0000abcd",
  accessKeySecret: "sandbox-secret-not-a-real-key",
} as const;

export const SANDBOX_DEFAULT_REGION = "cn-hangzhou";

/** The only API version the ECS RPC endpoint speaks for these actions. */
export const ECS_API_VERSION = "2014-05-26";

export interface SandboxCredential {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken?: string;
  /** Actions this key may not call: answered with 403 Forbidden.RAM after a valid signature. */
  deniedActions?: string[];
}

export interface SandboxTask {
  RegionId: string;
  TaskId: string;
  TaskAction: string;
  /** Finished | Processing | Failed (any string allowed: older docs show other words). */
  TaskStatus: string;
  ResourceId: string;
  CreationTime: Date;
  FinishedTime?: Date;
  SupportCancel: boolean;
  /**
   * When set and TaskStatus is Processing: the task becomes Finished at this instant (by the
   * sandbox clock); progress advances linearly from CreationTime (or progressStartPercent at
   * progressStartTime) to 100 at finishAt.
   */
  finishAt?: Date;
  /** For Processing tasks: progress at progressStartTime. For Failed tasks: where it stopped. */
  progressStartPercent?: number;
  progressStartTime?: Date;
  /** For Failed tasks: the OperationProgressSet error. */
  failure?: { ErrorCode: string; ErrorMsg: string };
  /** RelatedItemSet of DescribeTaskAttribute, e.g. { OSSBucket, OSSObject, ImageFormat }. */
  relatedItems?: Record<string, string>;
  /** ImportImage/ExportImage: the name DescribeImages gives the image (else derived from the OSS object). */
  imageName?: string;
}

export type SandboxFault =
  | { kind: "throttle"; code?: "Throttling" | "Throttling.User" | "Throttling.Api"; retryAfterSeconds?: number }
  | { kind: "unavailable" }
  | { kind: "internal" }
  | { kind: "reset" }
  | { kind: "html"; status?: number }
  | { kind: "slow"; ms: number }
  | { kind: "truncated" }
  | { kind: "empty"; status?: number }
  | { kind: "noCode" }
  | { kind: "wrongTypes" }
  | { kind: "error"; status: number; code: string; message: string; headers?: Record<string, string> }
  /** Exactly this body (a proxy's page, `{}`, JSON with impossible values), unsigned and unchecked. */
  | { kind: "raw"; status?: number; body: string; contentType?: string }
  /** The normal answer (signature checked), changed by `rewrite` before it is sent: an upstream that lies. */
  | { kind: "rewrite"; rewrite: (body: Record<string, unknown>) => unknown }
  /**
   * A 200 whose body is `bytes` bytes of JSON whitespace after `prefix`, written chunk by chunk with
   * backpressure, stopped as soon as the client closes the socket (RecordedRequest.bytesSent says how
   * far it got). `declareLength` sends a Content-Length; otherwise the body is chunked.
   */
  | { kind: "stream"; bytes: number; prefix?: string; declareLength?: boolean };

export interface RecordedRequest {
  method: string;
  action: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  receivedAt: Date;
  status?: number;
  /** true when the client closed the connection before the answer was sent */
  aborted: boolean;
  fault?: SandboxFault["kind"];
  /** Body bytes handed to the socket so far (the `stream` fault only). */
  bytesSent?: number;
}

export interface SandboxOptions {
  credentials?: SandboxCredential[];
  /** Sandbox clock: x-acs-date skew check, progress, and data generation. */
  now?: () => Date;
  /** Replaces generated data. */
  tasks?: SandboxTask[];
  seed?: number;
  tasksPerRegion?: number;
  regions?: string[];
  /** Added to every answer (for the benchmark). */
  latencyMs?: number;
  port?: number;
  /** Requests kept for inspection (a window of the latest); default 10,000. */
  maxRecordedRequests?: number;
}

export interface Sandbox {
  url: string;
  /** The latest requests (a bounded window; indexes are absolute). */
  requests: RequestLog<RecordedRequest>;
  /** TCP connections accepted so far. */
  readonly connections: number;
  tasks: SandboxTask[];
  /** Queue faults: each applies to one request (in order), optionally only to requests of one action. */
  injectFaults(faults: SandboxFault[], opts?: { action?: string }): void;
  clearFaults(): void;
  /** The "task that finishes during a wait" switch. */
  finishTask(taskId: string, status?: "Finished" | "Failed"): void;
  setLatency(ms: number): void;
  /** Closes the server, destroying open sockets. */
  close(): Promise<void>;
}

/** An Alibaba-shaped error raised by a check or a handler; the server renders the body. */
export class SandboxApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "SandboxApiError";
  }
}

/** What a handler answers; the server adds RequestId-independent headers and serializes. */
export interface HandlerResult {
  status: number;
  body: Record<string, unknown>;
}
