// What the sandbox sends back, before it is written: status, headers, body text. Faults need
// to reshape answers (truncate, empty, HTML), so answers are values until the last moment.
import { randomUUID } from "node:crypto";

export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export const JSON_TYPE = "application/json;charset=utf-8";

/** Alibaba RequestIds are uppercase UUIDs. */
export function newRequestId(): string {
  return randomUUID().toUpperCase();
}

/** The regional endpoint when the request named a plausible region, else the central one. */
export function hostIdFor(regionId: string | undefined): string {
  return regionId && /^[a-z]{2,}(?:-[a-z0-9]+)+$/.test(regionId) ? `ecs.${regionId}.aliyuncs.com` : "ecs.aliyuncs.com";
}

export function jsonReply(status: number, body: unknown, headers: Record<string, string> = {}): Reply {
  return { status, headers: { "content-type": JSON_TYPE, ...headers }, body: JSON.stringify(body) };
}

/** The error shape every Alibaba RPC API shares: RequestId, HostId, Code, Message, Recommend. */
export function errorReply(
  status: number,
  code: string,
  message: string,
  requestId: string,
  hostId: string,
  headers: Record<string, string> = {},
): Reply {
  const recommend =
    `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(code)}` +
    `&product=Ecs&requestId=${encodeURIComponent(requestId)}`;
  return jsonReply(status, { RequestId: requestId, HostId: hostId, Code: code, Message: message, Recommend: recommend }, headers);
}
