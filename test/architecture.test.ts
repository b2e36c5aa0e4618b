// The layer rules of docs/architecture.md, enforced on the import graph of src/ (type-only imports
// and dynamic import() included): no circles anywhere, and the inner layers never reach outwards.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), "../src");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)|(?:^|\n)\s*import\s+["']([^"']+)["']/g;

/** file (relative to src, e.g. "tools/index.ts") -> what it imports: other src files, or package names. */
function importGraph(): Map<string, { local: string[]; packages: string[] }> {
  const graph = new Map<string, { local: string[]; packages: string[] }>();
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, "utf8");
    const local: string[] = [];
    const packages: string[] = [];
    for (const m of text.matchAll(IMPORT)) {
      const spec = m[1] ?? m[2] ?? m[3] ?? "";
      if (spec.startsWith(".")) local.push(relative(SRC, resolve(dirname(file), spec)).replace(/\.js$/, ".ts"));
      else packages.push(spec);
    }
    graph.set(relative(SRC, file), { local, packages });
  }
  return graph;
}

const graph = importGraph();
const layerOf = (file: string) => (file.includes("/") ? file.split("/")[0]! : file.replace(/\.ts$/, ""));

/** Strongly connected components of more than one file, or a file importing itself. */
function cycles(): string[][] {
  let index = 0;
  const stack: string[] = [];
  const on = new Set<string>();
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const found: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v)?.local ?? []) {
      if (!graph.has(w)) continue;
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || graph.get(v)?.local.includes(v)) found.push(scc.sort());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return found;
}

function outwardImports(layer: string): string[] {
  const offences: string[] = [];
  for (const [file, { local, packages }] of graph) {
    if (layerOf(file) !== layer) continue;
    for (const p of packages) if (p.startsWith("@modelcontextprotocol/")) offences.push(`${file} -> ${p}`);
    for (const l of local) if (["tools", "server", "http"].includes(layerOf(l))) offences.push(`${file} -> ${l}`);
  }
  return offences;
}

/** The layers that hold the product's logic: no MCP, no adapters, no server. */
const INNER = ["ecs", "time", "tasks", "progress", "render", "contracts", "usecases", "util", "errors", "error-hints", "redact", "policy"];

describe("architecture", () => {
  it("reads every source file and resolves every relative import", () => {
    expect(graph.size).toBeGreaterThan(40);
    for (const [file, { local }] of graph) for (const target of local) expect(graph.has(target), `${file} -> ${target}`).toBe(true);
  });

  it("has no import circle anywhere in src/, type-only imports included", () => {
    expect(cycles()).toEqual([]);
  });

  it.each(INNER)("src/%s never imports the MCP SDK, src/tools, src/server or src/http", (layer) => {
    expect(outwardImports(layer)).toEqual([]);
  });

  it("only src/index.ts and src/doctor reach src/http (the HTTP app is an outer layer)", () => {
    const offences = [...graph]
      .filter(([f]) => !["http", "doctor", "index"].includes(layerOf(f)))
      .flatMap(([f, { local }]) => local.filter((l) => layerOf(l) === "http").map((l) => `${f} -> ${l}`));
    expect(offences).toEqual([]);
  });

  it("src/doctor never imports src/tools", () => {
    const offences = [...graph].filter(([f]) => layerOf(f) === "doctor").flatMap(([f, { local }]) => local.filter((l) => layerOf(l) === "tools").map((l) => `${f} -> ${l}`));
    expect(offences).toEqual([]);
  });

  it("the checker itself catches a circle and an outward import", () => {
    graph.set("tasks/__probe_a.ts", { local: ["tasks/__probe_b.ts"], packages: ["@modelcontextprotocol/sdk/types.js"] });
    graph.set("tasks/__probe_b.ts", { local: ["tasks/__probe_a.ts"], packages: [] });
    try {
      expect(cycles()).toContainEqual(["tasks/__probe_a.ts", "tasks/__probe_b.ts"]);
      expect(outwardImports("tasks")).toEqual(["tasks/__probe_a.ts -> @modelcontextprotocol/sdk/types.js"]);
    } finally {
      graph.delete("tasks/__probe_a.ts");
      graph.delete("tasks/__probe_b.ts");
    }
  });

  it("no source file is over 300 lines, no tool adapter over 150", () => {
    const long = sourceFiles(SRC)
      .map((f) => ({ f: relative(SRC, f), n: readFileSync(f, "utf8").split("\n").length }))
      .filter(({ f, n }) => n > (f.startsWith("tools/") ? 150 : 300));
    expect(long).toEqual([]);
  });
});
