// Renders docs/options.md from the options table (src/options.ts). Pure: the generator
// (gen-options-reference.mjs) feeds it dist/options.js, the staleness test feeds it src/options.ts.

/** @typedef {{ env: string, help: string, readBy: string[], group?: string }} Variable */

/** Table-cell text: pipes escaped, one line, and `<region>` kept visible (not taken for an HTML tag). */
const cell = (/** @type {unknown} */ text) =>
  String(text).replace(/\|/g, "\\|").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\s*\n\s*/g, " ");
const code = (/** @type {unknown} */ text) => `\`${String(text)}\``;
const readers = (/** @type {Variable} */ v) => v.readBy.join(", ");

/** @param {any} o @param {(o: any) => string} flagLabel */
function flagCell(o, flagLabel) {
  return o.kind === "action" ? `${code(`-${o.short}`)}, ${code(`--${o.flag}`)}` : code(flagLabel(o));
}

/** @param {any} o */
function meaning(o) {
  const mark = o.only ? `**${o.only} only**: ` : "";
  return cell(`${mark}${o.help}`);
}

/** @param {Variable[]} variables */
function variableTable(variables) {
  return [
    "| variable | read by | meaning |",
    "|---|---|---|",
    ...variables.map((v) => `| ${code(v.env)} | ${readers(v)} | ${cell(v.help)} |`),
  ];
}

/**
 * docs/options.md as one string, from the module src/options.ts (or its build). Entries are typed
 * loosely (`any`) on purpose: the three kinds of entry share this one renderer.
 * @param {{ OPTIONS: readonly any[], COMMANDS: readonly { usage: string, help: string }[], flagLabel: (o: any) => string }} options
 */
export function renderOptionsReference({ OPTIONS, COMMANDS, flagLabel }) {
  const settings = OPTIONS.filter((o) => o.kind === "setting");
  const actions = OPTIONS.filter((o) => o.kind === "action");
  const variables = OPTIONS.filter((o) => o.kind === "variable");
  const group = (/** @type {string} */ name) => variables.filter((v) => v.group === name);
  const published = OPTIONS.filter((o) => o.kind !== "action" && o.env && (o.manifest || o.registry));
  const lines = [
    "# Options and environment variables",
    "",
    "<!-- Generated from src/options.ts by `npm run docs`; a test fails when this file is stale. Do not edit by hand. -->",
    "",
    "Flags override environment variables. A blank value, or a `${user_config.x}` placeholder a client",
    "left unexpanded, counts as unset. `ecs-tasks-mcp --help` prints the same list.",
    "",
    "## Commands",
    "",
    "| command | meaning |",
    "|---|---|",
    ...COMMANDS.map((c) => `| ${code(c.usage)} | ${cell(c.help)} |`),
    "",
    "## Options",
    "",
    "| flag | environment variable | default | meaning |",
    "|---|---|---|---|",
    ...settings.map((o) => {
      const def = o.default === undefined || o.type === "boolean" ? "" : code(o.default);
      return `| ${flagCell(o, flagLabel)} | ${o.env ? code(o.env) : ""} | ${def} | ${meaning(o)} |`;
    }),
    ...actions.map((o) => `| ${flagCell(o, flagLabel)} | | | ${meaning(o)} |`),
    "",
    "## Credentials",
    "",
    "Credentials come from the official Alibaba Cloud chain (`@alicloud/credentials`), looked up at the",
    "first call. In order: environment keys, an OIDC role, the aliyun CLI profile (`~/.aliyun/config.json`,",
    "chosen with `--profile`), `~/.alibabacloud/credentials`, the ECS instance RAM role, a credentials URI.",
    "The server reads the variables below itself only to scrub them from everything it writes.",
    "",
    ...variableTable(group("credentials")),
    "",
    "### Read by the credential chain",
    "",
    "Read by `@alicloud/credentials` only, never by this server's code.",
    "",
    ...variableTable(group("credential chain")),
    "",
    "## Network and process",
    "",
    ...variableTable([...group("network"), ...group("process")]),
    "",
    "## Where they are published",
    "",
    "`manifest.json` (MCP Bundle) maps its `user_config` fields to these variables in",
    "`server.mcp_config.env`; `server.json` (MCP registry) lists them in `environmentVariables`. A test",
    "checks both files against the table.",
    "",
    "| variable | manifest.json `user_config` | server.json | secret |",
    "|---|---|---|---|",
    ...published.map((o) => `| ${code(o.env)} | ${o.manifest ? code(o.manifest) : ""} | ${o.registry ? "yes" : ""} | ${o.secret ? "yes" : ""} |`),
    "",
  ];
  return lines.join("\n");
}
