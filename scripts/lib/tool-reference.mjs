// Renders docs/tools.md, the tool reference, from the tools' zod schemas (z.toJSONSchema). Pure: the
// generator (gen-tool-reference.mjs) feeds it dist/tools, the staleness test feeds it src/tools.
import { z } from "zod";

/**
 * The parts of a tool definition the reference reads (the tools in src/tools have this shape).
 * @typedef {{ name: string, title: string, description: string, inputSchema: z.ZodType, outputSchema: z.ZodType, annotations?: object, ui?: { visibility?: string[] } }} ToolLike
 */
/** @typedef {import("zod").core.JSONSchema._JSONSchema} JsonSchemaNode */

/**
 * The RAM actions each tool calls: `required` for it to work at all, `optional` for an extra it
 * degrades without. A tool missing here fails test/ecosystem/packaging.test.ts.
 */
/** @type {Record<string, { required: string[], optional?: Record<string, string> }>} */
export const RAM_ACTIONS = {
  describe_ecs_tasks: {
    required: ["ecs:DescribeTasks"],
    optional: {
      "ecs:DescribeTaskAttribute": "percent done of running tasks (IncludeProgress)",
      "ecs:DescribeRegions": 'RegionId "all"',
      "ecs:DescribeImages": "image names, and the ImageName filter",
    },
  },
  describe_ecs_task_attribute: {
    required: ["ecs:DescribeTaskAttribute"],
    optional: { "ecs:DescribeTasks": "the image ID and the ETA from recent finished tasks", "ecs:DescribeImages": "the image name" },
  },
  wait_for_ecs_tasks: {
    required: ["ecs:DescribeTaskAttribute"],
    optional: { "ecs:DescribeTasks": "the image IDs, the ETA from recent finished tasks, and tasks other than imports, exports and disk changes (status only)", "ecs:DescribeImages": "image names" },
  },
  cancel_ecs_task: {
    required: ["ecs:CancelTask", "ecs:DescribeTasks"],
    optional: { "ecs:DescribeTaskAttribute": "the progress named when asking, and the read-back", "ecs:DescribeImages": "the image name" },
  },
  refresh_ecs_task_progress: { required: ["ecs:DescribeTaskAttribute"] },
};

/** @param {string} name */
export function ramText(name) {
  const ram = RAM_ACTIONS[name];
  if (!ram) return "(not listed: add it to RAM_ACTIONS in scripts/lib/tool-reference.mjs)";
  const optional = Object.entries(ram.optional ?? {}).map(([action, what]) => `\`${action}\` for ${what}`);
  return ram.required.map((a) => `\`${a}\``).join(", ") + (optional.length ? `; optional: ${optional.join(", ")}` : "");
}

const cell = (/** @type {unknown} */ text) => String(text).replace(/\|/g, "\\|").replace(/\s*\n\s*/g, " ");

/** A short type for a JSON Schema node: `string`, `integer 1..100`, `"A" \| "B"`, `string or array of string`. */
/**
 * @param {JsonSchemaNode | undefined} node
 * @returns {string}
 */
export function typeOf(node) {
  if (!node || typeof node !== "object") return "any";
  if (node.anyOf || node.oneOf) return (node.anyOf ?? node.oneOf ?? []).map(typeOf).join(" or ");
  if (node.enum) return node.enum.map((v) => `\`${v}\``).join(", ");
  if (node.const !== undefined) return `\`${node.const}\``;
  if (node.type === "array") {
    const n = node.maxItems !== undefined ? ` (${node.minItems ?? 0}..${node.maxItems})` : "";
    return `array of ${typeOf(/** @type {JsonSchemaNode | undefined} */ (node.items))}${n}`;
  }
  if (node.type === "integer" || node.type === "number") {
    const bound = (/** @type {number | boolean | undefined} */ v) => (v === undefined || Math.abs(Number(v)) >= Number.MAX_SAFE_INTEGER ? undefined : v);
    const lo = bound(node.minimum ?? node.exclusiveMinimum);
    const hi = bound(node.maximum ?? node.exclusiveMaximum);
    return lo !== undefined || hi !== undefined ? `${node.type} ${lo ?? ""}..${hi ?? ""}` : node.type;
  }
  if (Array.isArray(node.type)) return node.type.join(" or ");
  return node.type ?? "object";
}

/** @param {string | undefined} text */
function firstParagraph(text) {
  return ((text ?? "").split(/\n\s*\n|\n/)[0] ?? "").trim();
}

/** The one-line description manifest.json carries for a tool. */
/** @param {ToolLike} tool */
export function shortDescription(tool) {
  return firstParagraph(tool.description);
}

/** @param {ToolLike} tool */
export function renderTool(tool) {
  const input = z.toJSONSchema(tool.inputSchema, { io: "input", unrepresentable: "any" });
  const output = z.toJSONSchema(tool.outputSchema, { io: "output", unrepresentable: "any" });
  const required = new Set(input.required ?? []);
  const hints = Object.entries(tool.annotations ?? {})
    .filter(([k]) => k.endsWith("Hint"))
    .map(([k, v]) => `\`${k}: ${v}\``)
    .join(", ");
  const lines = [
    `## \`${tool.name}\` — ${tool.title}`,
    "",
    tool.description.trim(),
    "",
    ...(tool.ui?.visibility && !tool.ui.visibility.includes("model")
      ? ["App-only (`_meta.ui.visibility: [\"app\"]`): called by the dashboard view, never by the model; listed only to clients that declare the MCP Apps extension, and absent with `--no-ui`.", ""]
      : []),
    `RAM: ${ramText(tool.name)}. Annotations: ${hints || "none"}.`,
    "",
    "| input | type | required | description |",
    "|---|---|---|---|",
  ];
  for (const [name, node] of Object.entries(input.properties ?? {})) {
    lines.push(`| \`${name}\` | ${cell(typeOf(node))} | ${required.has(name) ? "yes" : "no"} | ${cell((typeof node === "object" ? node.description : undefined) ?? "")} |`);
  }
  const outRequired = new Set(output.required ?? []);
  const fields = Object.entries(output.properties ?? {}).map(
    ([name, node]) => `\`${name}\`${outRequired.has(name) ? "" : "?"} (${typeOf(node).replace(/`/g, "")})`,
  );
  lines.push("", `Output (\`structuredContent\`; \`?\` = optional): ${fields.join(", ")}.`, "");
  return lines.join("\n");
}

/** @param {readonly ToolLike[]} tools */
export function renderToolReference(tools) {
  return [
    "# Tool reference",
    "",
    "<!-- Generated from the tools' schemas (src/contracts, src/tools) by `npm run docs`; a test fails when this file is stale. Do not edit by hand. -->",
    "",
    "Every tool answers with a short text and `structuredContent` matching its `outputSchema`. How paging,",
    "exact counts, progress, waiting and retries work: [behaviour.md](behaviour.md). The RAM policy that",
    "covers them all: [README](../README.md#3-least-privilege-ram-policy).",
    "",
    ...tools.map(renderTool),
  ].join("\n");
}
