// The stdio edges of the server. Incoming lines are limited to MAX_MESSAGE_BYTES before the SDK's
// transport sees them: a longer line is dropped as it streams in (never held whole), answered with a
// JSON-RPC error when its id can be found, and the server goes on serving. Without this, the SDK's
// read buffer gives up at 10 MB, closes the transport and the process ends silently with code 0.
// Anything else that ends the transport, or an error of stdin itself, is said on stderr and ends the
// process with a non-zero code.
import { Transform, type TransformCallback } from "node:stream";

/**
 * The largest JSON-RPC message read from stdin: 1 MiB. Every tool argument is bounded far below it
 * (at most a few KB: 100 IDs, 200-character phrases), and so is anything a client sends at start-up.
 */
export const MAX_MESSAGE_BYTES = 1024 * 1024;

/** How much of a dropped line is kept to find its id: its first bytes and its last. */
const HEAD_BYTES = 4096;
const TAIL_BYTES = 256;

export type RequestId = string | number;

/** The id of a JSON-RPC request, from the start or the end of its line (where clients put it), if it is there. */
export function findRequestId(head: string, tail: string): RequestId | undefined {
  const value = (raw: string): RequestId => (raw.startsWith('"') ? (JSON.parse(raw) as string) : Number(raw));
  // First keys at the top level: {"jsonrpc":"2.0","id":7,...} or {"id":7,...}.
  const first = /^\s*\{(?:\s*"(?:jsonrpc|method)"\s*:\s*"[^"\\]*"\s*,)*\s*"id"\s*:\s*(-?\d{1,16}|"[^"\\]{0,200}")/.exec(head);
  if (first) return value(first[1]!);
  // Last key at the top level, as the MCP SDK writes it: {...,"jsonrpc":"2.0","id":7}. A nested
  // object's "id" would be followed by two closing braces.
  const last = /,\s*"id"\s*:\s*(-?\d{1,16}|"[^"\\]{0,200}")\s*\}\s*$/.exec(tail);
  return last ? value(last[1]!) : undefined;
}

export interface OversizedMessage {
  /** Bytes of the line, newline excluded (when it ended); the bytes seen so far otherwise. */
  bytes: number;
  id: RequestId | undefined;
  /** False when stdin ended in the middle of it. */
  ended: boolean;
}

/**
 * Passes complete lines through, each at most `maxBytes` (newline excluded). A longer line is
 * dropped while it streams in; `onOversized` hears of it when it ends.
 */
export class LineLimiter extends Transform {
  private parts: Buffer[] = [];
  private size = 0;
  private dropping: { head: Buffer; tail: Buffer; bytes: number } | undefined;

  constructor(
    private readonly maxBytes: number,
    private readonly onOversized: (message: OversizedMessage) => void,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    let start = 0;
    while (start < chunk.length) {
      const newline = chunk.indexOf(0x0a, start);
      const end = newline < 0 ? chunk.length : newline;
      this.add(chunk.subarray(start, end));
      if (newline < 0) break;
      this.endLine();
      start = newline + 1;
    }
    callback();
  }

  override _flush(callback: TransformCallback): void {
    if (this.dropping) this.report(false);
    else if (this.size > 0) this.push(Buffer.concat(this.parts)); // a last line without newline, as the SDK would see it
    callback();
  }

  private add(piece: Buffer): void {
    if (piece.length === 0) return;
    if (!this.dropping && this.size + piece.length > this.maxBytes) {
      const held = Buffer.concat([...this.parts, piece]);
      this.dropping = { head: Buffer.from(held.subarray(0, HEAD_BYTES)), tail: Buffer.alloc(0), bytes: 0 };
      this.parts = [];
      this.size = 0;
      this.discard(held);
      return;
    }
    if (this.dropping) return this.discard(piece);
    this.parts.push(piece);
    this.size += piece.length;
  }

  private discard(piece: Buffer): void {
    const d = this.dropping!;
    d.bytes += piece.length;
    d.tail = Buffer.concat([d.tail, piece.subarray(Math.max(0, piece.length - TAIL_BYTES))]).subarray(-TAIL_BYTES);
  }

  private endLine(): void {
    if (this.dropping) return this.report(true);
    this.parts.push(Buffer.from("\n"));
    this.push(Buffer.concat(this.parts));
    this.parts = [];
    this.size = 0;
  }

  private report(ended: boolean): void {
    const d = this.dropping!;
    this.dropping = undefined;
    const id = findRequestId(d.head.toString("utf8"), ended ? d.tail.toString("utf8") : "");
    this.onOversized({ bytes: d.bytes, id, ended });
  }
}

/** The JSON-RPC error for a message too large to read (id omitted when it could not be found, as the MCP SDK does). */
export function oversizedError(message: OversizedMessage, maxBytes = MAX_MESSAGE_BYTES): Record<string, unknown> {
  return {
    jsonrpc: "2.0",
    ...(message.id !== undefined ? { id: message.id } : {}),
    error: {
      code: -32600,
      message: `Request too large: ${message.bytes} bytes, over the ${maxBytes}-byte limit for one message; it was discarded unread.`,
    },
  };
}

/** The JSON-RPC error for a line that is not a JSON-RPC message (the SDK drops it silently otherwise). */
export function unreadableError(err: Error): Record<string, unknown> {
  const parse = err.name === "SyntaxError";
  return { jsonrpc: "2.0", error: { code: parse ? -32700 : -32600, message: parse ? "Parse error: the line is not JSON." : "Invalid Request: not a JSON-RPC message." } };
}

/** Errors the SDK's transport reports for one bad line (it goes on reading): JSON or schema errors. */
export function isLineError(err: Error): boolean {
  return err.name === "SyntaxError" || err.name === "ZodError";
}
