// The one mapping from failures to `isError` results: the Diagnosis (what happened, Alibaba's code,
// message and RequestId, and what to do next) as text, redacted on the way out.
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { diagnose, diagnosisText } from "../errors.js";
import type { Redactor } from "../redact.js";

export function errorResult(err: unknown, now: Date, redactor: Redactor): CallToolResult {
  const text = diagnosisText(diagnose(err, { now, redact: redactor.text }));
  return { isError: true, content: [{ type: "text", text: redactor.redact(text) }] };
}
