// The options table (src/options.ts) is the only definition of flags and variables: every variable
// src/ reads or names is in it, each setting really reaches the configuration from its flag and its
// variable, and --help lists all of it. (docs/options.md, manifest.json and server.json are checked
// against it in test/ecosystem/packaging.test.ts.)
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { HELP_TEXT } from "../src/cli-help.js";
import { parseArgs, resolveConfig, settingSource } from "../src/config.js";
import { ConfigError } from "../src/errors.js";
import { ACTIONS, environmentNames, flagLabel, OPTIONS, SETTINGS, VARIABLES } from "../src/options.js";

const SRC = fileURLToPath(new URL("../src/", import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );
}

const sources = sourceFiles(SRC).map((path) => ({ path: path.slice(SRC.length), text: readFileSync(path, "utf8") }));

/** `process.env.X`, `process.env?.X`, `env.X`, `env["X"]` and `const { X } = process.env`. */
function variablesRead(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/\b(?:process\.env|env)\s*\??\.\s*([A-Z][A-Z0-9_]*)\b|\b(?:process\.env|env)\s*\[\s*["'`]([A-Z][A-Z0-9_]*)["'`]\s*\]/g)) {
    found.push((m[1] ?? m[2])!);
  }
  for (const m of text.matchAll(/\{([^}]*)\}\s*=\s*(?:process\.)?env\b/g)) {
    for (const name of m[1]!.split(",")) if (/^\s*[A-Z][A-Z0-9_]*\s*(:|$)/.test(name)) found.push(name.trim().split(/\s*:/)[0]!);
  }
  return found;
}

/** Every ALIBABA_CLOUD_* / ECS_TASKS_MCP_* name in the text, read or named in a message. */
function variablesNamed(text: string): string[] {
  return [...text.matchAll(/\b(?:ALIBABA_CLOUD|ECS_TASKS_MCP)_[A-Z0-9_]+\b/g)].map((m) => m[0]);
}

const known = new Set(environmentNames());

describe("the options table covers every environment variable", () => {
  it("has each variable the code reads", () => {
    const read = sources.flatMap((s) => variablesRead(s.text).map((name) => ({ name, path: s.path })));
    // The scan itself works: these are read today (redaction in log.ts, the default time zone).
    expect(read.map((r) => r.name)).toEqual(expect.arrayContaining(["ALIBABA_CLOUD_ACCESS_KEY_SECRET", "TZ"]));
    for (const r of read) expect(known, `${r.name}, read in src/${r.path}: add it to src/options.ts`).toContain(r.name);
  });

  it("has each ALIBABA_CLOUD_* / ECS_TASKS_MCP_* variable named anywhere in src/ (messages and hints included)", () => {
    const named = sources.flatMap((s) => variablesNamed(s.text).map((name) => ({ name, path: s.path })));
    expect(named.length).toBeGreaterThan(20);
    for (const n of named) expect(known, `${n.name}, named in src/${n.path}: add it to src/options.ts`).toContain(n.name);
  });

  it("names each variable, flag and user_config key once", () => {
    const envs = environmentNames();
    expect(new Set(envs).size).toBe(envs.length);
    const flags = [...SETTINGS.map((o) => o.flag), ...ACTIONS.map((o) => o.flag)];
    expect(new Set(flags).size).toBe(flags.length);
    const manifestKeys = OPTIONS.flatMap((o) => (o.kind !== "action" && o.manifest ? [o.manifest] : []));
    expect(new Set(manifestKeys).size).toBe(manifestKeys.length);
  });

  it("keeps the chain-only variables apart from what the server reads", () => {
    for (const v of VARIABLES.filter((x) => x.group === "credential chain")) {
      expect(v.readBy, v.env).toEqual(["credential chain"]);
      for (const s of sources) expect(variablesRead(s.text), `${v.env} is read in src/${s.path}: move it out of "credential chain"`).not.toContain(v.env);
    }
  });
});

/** A valid raw value for each setting's variable and flag, and what it becomes. Add one for a new setting. */
const EXAMPLES: Record<string, { raw: string; value: unknown }> = {
  sandbox: { raw: "", value: true },
  regionId: { raw: "cn-beijing", value: "cn-beijing" },
  profile: { raw: "work", value: "work" },
  endpoint: { raw: "http://127.0.0.1:1", value: "http://127.0.0.1:1" },
  timeoutMs: { raw: "2000", value: 2000 },
  connectTimeoutMs: { raw: "1500", value: 1500 },
  logLevel: { raw: "debug", value: "debug" },
  pageConcurrency: { raw: "3", value: 3 },
  maxBodyBytes: { raw: "1048576", value: 1048576 },
  credentialsTimeoutMs: { raw: "2500", value: 2500 },
  http: { raw: "", value: true },
  port: { raw: "8080", value: 8080 },
  host: { raw: "0.0.0.0", value: "0.0.0.0" },
  authTokensFile: { raw: "/etc/ecs-tasks-mcp/tokens", value: "/etc/ecs-tasks-mcp/tokens" },
  oidcIssuer: { raw: "https://login.example.com/", value: "https://login.example.com" },
  oidcAudience: { raw: "https://mcp.example.com/mcp", value: "https://mcp.example.com/mcp" },
  allowedHosts: { raw: "mcp.example.com,mcp.internal:3000", value: "mcp.example.com,mcp.internal:3000" },
  publicUrl: { raw: "https://mcp.example.com", value: "https://mcp.example.com" },
  policyFile: { raw: "/etc/ecs-tasks-mcp/policy.json", value: "/etc/ecs-tasks-mcp/policy.json" },
  rateLimit: { raw: "60", value: 60 },
  shutdownGraceMs: { raw: "20000", value: 20000 },
  noUi: { raw: "true", value: true },
  allowCancel: { raw: "true", value: true },
};

describe.each(SETTINGS.map((o) => [o.key, o] as const))("setting %s", (key, option) => {
  const example = EXAMPLES[key];

  it("has an example in this test", () => {
    expect(example, `add ${key} to EXAMPLES`).toBeDefined();
  });

  it("reaches the configuration from its flag, in both forms", () => {
    const argv = option.type === "boolean" ? [[`--${option.flag}`]] : [[`--${option.flag}`, example!.raw], [`--${option.flag}=${example!.raw}`]];
    for (const a of argv) {
      const args = parseArgs(a);
      expect(resolveConfig(args, {})[key]).toEqual(example!.value);
      expect(settingSource(args, key)).toBe(`--${option.flag}`);
    }
  });

  if (option.env !== undefined) it("reaches it from its variable; the flag wins; blank and placeholders are unset", () => {
    const env = option.env!;
    expect(resolveConfig(parseArgs([]), { [env]: example!.raw })[key]).toEqual(example!.value);
    expect(settingSource(parseArgs([]), key)).toBe(env);
    const unset = resolveConfig(parseArgs([]), {})[key];
    expect(unset).toEqual(option.default);
    expect(resolveConfig(parseArgs([]), { [env]: "  " })[key]).toEqual(unset);
    expect(resolveConfig(parseArgs([]), { [env]: "${user_config.x}" })[key]).toEqual(unset);
    if (option.type === "string" && !option.parse) {
      expect(resolveConfig(parseArgs([`--${option.flag}`, "from-flag"]), { [env]: example!.raw })[key]).toBe("from-flag");
    }
  });

  if (option.parse !== undefined) it("refuses a bad value with a ConfigError naming its flag or variable", () => {
    // A switch takes no value on the command line: its check applies to its variable only.
    if (option.type !== "boolean") {
      expect(() => parseArgs([`--${option.flag}`, "nonsense"])).toThrow(ConfigError);
      expect(() => parseArgs([`--${option.flag}`, "nonsense"])).toThrow(`--${option.flag}`);
    }
    if (option.env) {
      expect(() => resolveConfig(parseArgs([]), { [option.env!]: "nonsense" })).toThrow(ConfigError);
      expect(() => resolveConfig(parseArgs([]), { [option.env!]: "nonsense" })).toThrow(option.env);
    }
  });
});

describe("the command line", () => {
  it("refuses unknown flags, stray words and misplaced values with a ConfigError pointing at --help", () => {
    for (const argv of [["--bogus"], ["-x"], ["serve"], ["--region"], ["--sandbox=yes"], ["--region", "--sandbox"]]) {
      const err = (() => {
        try {
          parseArgs(argv);
        } catch (e) {
          return e;
        }
        return undefined;
      })();
      expect(err, argv.join(" ")).toBeInstanceOf(ConfigError);
      expect((err as Error).message, argv.join(" ")).toMatch(/run with --help for the options$/);
    }
    expect(() => parseArgs(["--bogus=1"])).toThrow(/unknown argument "--bogus"/);
    expect(() => parseArgs(["--region"])).toThrow(/--region needs a value/);
    expect(() => parseArgs(["--sandbox=yes"])).toThrow(/--sandbox takes no value/);
  });

  it("keeps doctor first, and -h / -v", () => {
    expect(parseArgs(["doctor", "--region=cn-beijing"])).toMatchObject({ command: "doctor", regionId: "cn-beijing" });
    expect(() => parseArgs(["--region", "cn-beijing", "doctor"])).toThrow(/"doctor" must come first/);
    expect(parseArgs(["-h"])).toMatchObject({ help: true, version: false });
    expect(parseArgs(["-v"])).toMatchObject({ help: false, version: true });
    expect(parseArgs(["doctor", "--help"])).toMatchObject({ command: "doctor", help: true });
  });
});

describe("--help", () => {
  it("lists the commands, every flag and every variable of the table", () => {
    expect(HELP_TEXT).toContain("ecs-tasks-mcp doctor [options]");
    for (const o of [...SETTINGS, ...ACTIONS]) expect(HELP_TEXT).toContain(flagLabel(o));
    for (const name of environmentNames()) expect(HELP_TEXT).toMatch(new RegExp(`\\b${name}\\b`));
  });

  it("marks what exists only for the sandbox or the benchmark, and nothing else", () => {
    const lineOf = (flag: string) => HELP_TEXT.split("\n").find((l) => l.trimStart().startsWith(`--${flag}`)) ?? "";
    for (const o of SETTINGS) {
      if (o.only) expect(lineOf(o.flag)).toContain(`[${o.only} only]`);
      else expect(lineOf(o.flag)).not.toMatch(/only\]/);
    }
    expect(SETTINGS.find((o) => o.key === "sandbox")?.only).toBe("sandbox");
  });
});
