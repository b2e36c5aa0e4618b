// `ecs-tasks-mcp --help`, rendered from the options table (src/options.ts).
import { ACTIONS, COMMANDS, flagLabel, SETTINGS, VARIABLES, type EnvironmentVariable, type SettingOption } from "./options.js";
import { SERVER_NAME, SERVER_VERSION } from "./version.js";

const WIDTH = 100;
const INDENT = 2;
const COLUMN = 27;
const VARIABLE_COLUMN = 39;

/** Words of `text` in lines of at most `width`, the first after `first`, the rest indented by `indent`. */
function wrap(text: string, first: string, indent: number, width = WIDTH): string[] {
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (!empty && line.length + 1 + word.length > width) {
      lines.push(line);
      line = " ".repeat(indent);
      empty = true;
    }
    line += empty ? word : ` ${word}`;
    empty = false;
  }
  lines.push(line);
  return lines;
}

function entry(label: string, text: string, column = COLUMN): string[] {
  const head = `${" ".repeat(INDENT)}${label}`;
  if (head.length < column) return wrap(text, head.padEnd(column), column);
  return [head, ...wrap(text, " ".repeat(column), column)];
}

/** `[sandbox only]` / `[benchmark only]` in front of what exists for nothing else. */
export function onlyMark(option: SettingOption): string {
  return option.only ? `[${option.only} only] ` : "";
}

function settingLines(option: SettingOption): string[] {
  const lines = entry(flagLabel(option), `${onlyMark(option)}${option.help}`);
  const extra = [option.env ? `env ${option.env}` : "", option.default !== undefined && option.type !== "boolean" ? `default ${option.default}` : ""];
  const detail = extra.filter(Boolean).join(", ");
  if (detail) lines.push(`${" ".repeat(COLUMN)}${detail}`);
  return lines;
}

function variableLines(variables: readonly EnvironmentVariable[]): string[] {
  return variables.flatMap((v) => entry(v.env, v.help, VARIABLE_COLUMN));
}

const byGroup = (group: EnvironmentVariable["group"]) => VARIABLES.filter((v) => v.group === group);

export const HELP_TEXT = [
  `${SERVER_NAME} ${SERVER_VERSION}: an MCP server (stdio, or Streamable HTTP with --http) for Alibaba Cloud ECS asynchronous tasks.`,
  "",
  "Usage:",
  ...COMMANDS.flatMap((c) => entry(c.usage, c.help.replace(/`/g, ""), 34)),
  "",
  "Options (flags override environment variables; blank values count as unset):",
  ...SETTINGS.flatMap(settingLines),
  ...ACTIONS.flatMap((a) => entry(flagLabel(a), a.help)),
  "",
  "Credentials come from the official Alibaba Cloud chain, looked up at the first call. In order:",
  "environment keys, an OIDC role, the aliyun CLI profile (~/.aliyun/config.json; --profile),",
  "~/.alibabacloud/credentials, the ECS instance RAM role, a credentials URI.",
  ...variableLines(byGroup("credentials")),
  "Also read by the credential chain:",
  ...variableLines(byGroup("credential chain")),
  "Network and process:",
  ...variableLines([...byGroup("network"), ...byGroup("process")]),
  "",
  "Least privilege: ecs:DescribeTasks, ecs:DescribeTaskAttribute, ecs:DescribeRegions.",
  "Every option and variable: docs/options.md.",
  "",
].join("\n");
