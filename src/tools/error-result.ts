// The one mapping from failures to `isError` results: the Diagnosis (what happened, Alibaba's code,
// message and RequestId, and what to do next) as text, redacted on the way out, then bounded (an
// upstream message can be as long as the body limit allows).
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { diagnose, diagnosisText } from "../errors.js";
import type { Redactor } from "../redact.js";
import { cutRedacted } from "../util/text.js";

/** The longest error text an answer carries; a real diagnosis is a few hundred characters. */
export const ERROR_TEXT_MAX = 8_000;

export function errorResult(err: unknown, now: Date, redactor: Redactor): CallToolResult {
  const text = diagnosisText(diagnose(err, { now, redact: redactor.text }));
  return { isError: true, content: [{ type: "text", text: cutRedacted(redactor.redact(text), ERROR_TEXT_MAX) }] };
}
