// Reading an ECS answer with a bound: the size is checked while the body streams in, and past the
// limit reading stops and the connection is closed, so a 50 MB (or endless) answer costs at most the
// limit in memory, never the whole body.
import type { Dispatcher } from "undici";
import { EcsResponseError } from "../errors.js";

/** Largest ECS answer read by default: a real DescribeTasks page of 100 tasks is about 30 KB. */
export const DEFAULT_MAX_BODY_BYTES = 8 * 1024 * 1024;

const LIMIT_SETTING = "--max-body-bytes / ECS_TASKS_MCP_MAX_BODY_BYTES";

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 1)} MiB`;

function tooLarge(res: Dispatcher.ResponseData, max: number, what: string, body: string, where: BodyContext): EcsResponseError {
  return new EcsResponseError({
    code: "ResponseTooLarge",
    httpStatus: res.statusCode,
    endpoint: where.endpoint,
    action: where.action,
    body,
    detail: `the answer is larger than the ${mib(max)} limit (${what})`,
    hint: `if such an answer is expected, raise ${LIMIT_SETTING}; otherwise a proxy or gateway may be answering instead of ECS — check ALIBABA_CLOUD_ECS_ENDPOINT and HTTPS_PROXY.`,
    attempts: where.attempts,
  });
}

export interface BodyContext {
  endpoint: string;
  action: string;
  attempts: number;
}

/**
 * The body as UTF-8 text, at most `max` bytes. A Content-Length over the limit is refused before
 * anything is read; otherwise the bytes are counted as they arrive and the stream is destroyed (which
 * closes the connection) as soon as they pass the limit. Throws an EcsResponseError (ResponseTooLarge).
 */
export async function readBoundedBody(res: Dispatcher.ResponseData, max: number, where: BodyContext): Promise<string> {
  const declared = Number(res.headers["content-length"]);
  if (Number.isFinite(declared) && declared > max) {
    res.body.destroy();
    throw tooLarge(res, max, `Content-Length ${declared}; nothing was read`, "", where);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res.body as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > max) {
      res.body.destroy();
      throw tooLarge(res, max, `reading stopped after ${size} bytes`, Buffer.concat(chunks).toString("utf8"), where);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size).toString("utf8");
}
