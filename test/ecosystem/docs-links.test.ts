// The documentation holds together: every relative link in README.md, CONTRIBUTING.md, CHANGELOG.md
// and docs/*.md points at a file of this repository (and, with #anchor, at one of its headings), the
// README stays a short user's guide that names nothing outside the repository, and every environment
// variable the docs name is one the options table knows.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { environmentNames } from "../../src/options.js";
import { BROWSER_ENV } from "../helpers/browser.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
/** The README's hard limit; aim for about 300 lines so later sections fit. */
const README_MAX_LINES = 350;

const DOCS = [
  "README.md",
  "CONTRIBUTING.md",
  "CHANGELOG.md",
  ...readdirSync(join(ROOT, "docs"))
    .filter((f) => f.endsWith(".md"))
    .map((f) => `docs/${f}`),
];

const read = (file: string) => readFileSync(join(ROOT, file), "utf8");

/** Markdown without what cannot hold a link: fenced code, HTML comments and inline code spans. */
function prose(markdown: string): string {
  return markdown
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, "")
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/`[^`\n]*`/g, "");
}

/** GitHub's heading anchors: lowercased, punctuation dropped, spaces to hyphens, repeats numbered. */
function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  const withoutFences = markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, "");
  for (const m of withoutFences.matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const base = m[1]!
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\p{M}\s_-]/gu, "")
      .replace(/\s/g, "-");
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n === 0 ? base : `${base}-${n}`);
  }
  return out;
}

interface Link {
  file: string;
  target: string;
}

function links(file: string): Link[] {
  const text = prose(read(file));
  const inline = [...text.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]!);
  const references = [...text.matchAll(/^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+"[^"]*")?\s*$/gm)].map((m) => m[1]!);
  return [...inline, ...references].map((target) => ({ file, target }));
}

const isExternal = (target: string) => /^[a-z][a-z0-9+.-]*:/i.test(target);

/** Why a relative link is broken, or undefined when it resolves. */
function problem({ file, target }: Link): string | undefined {
  const [path = "", anchor] = target.split("#", 2);
  const resolved = path === "" ? join(ROOT, file) : resolve(dirname(join(ROOT, file)), decodeURIComponent(path));
  const inside = relative(ROOT, resolved);
  if (inside.startsWith("..") || resolve(ROOT, inside) !== resolved) return "points outside the repository";
  if (!existsSync(resolved)) return "no such file";
  if (anchor !== undefined && anchor !== "") {
    if (statSync(resolved).isDirectory() || !resolved.endsWith(".md")) return "an anchor into a file that is not markdown";
    if (!anchors(readFileSync(resolved, "utf8")).has(anchor.toLowerCase())) return `no heading #${anchor} in ${inside}`;
  }
  return undefined;
}

describe("documentation links", () => {
  it("checks every document the project ships or asks contributors to read", () => {
    for (const file of ["README.md", "CONTRIBUTING.md", "CHANGELOG.md", "docs/architecture.md", "docs/testing.md", "docs/tools.md", "docs/options.md"]) {
      expect(DOCS).toContain(file);
      expect(existsSync(join(ROOT, file)), file).toBe(true);
    }
  });

  it.each(DOCS)("every relative link in %s resolves to a file (and heading) of the repository", (file) => {
    const broken = links(file)
      .filter((l) => !isExternal(l.target))
      .flatMap((l) => {
        const why = problem(l);
        return why ? [`${l.target}: ${why}`] : [];
      });
    expect(broken).toEqual([]);
  });

  it("the checker itself catches a missing file, a missing heading and a path outside the repository", () => {
    expect(problem({ file: "README.md", target: "docs/no-such-file.md" })).toBe("no such file");
    expect(problem({ file: "README.md", target: "#no-such-heading" })).toMatch(/no heading/);
    expect(problem({ file: "docs/tools.md", target: "../../outside.md" })).toBe("points outside the repository");
    expect(problem({ file: "docs/tools.md", target: "../README.md#3-least-privilege-ram-policy" })).toBeUndefined();
    expect(links("README.md").length).toBeGreaterThan(10);
  });

  it("names only environment variables of the options table", () => {
    // The tests' own switch (docs/testing.md) is no server setting.
    const known = new Set([...environmentNames(), BROWSER_ENV]);
    for (const file of DOCS) {
      for (const [name] of read(file).matchAll(/\b(?:ALIBABA_CLOUD|ECS_TASKS_MCP)_[A-Z0-9_]+\b|\b(?:HTTPS?|NO)_PROXY\b/g)) {
        expect(known, `${name} in ${file}`).toContain(name);
      }
    }
  });
});

describe("README.md", () => {
  const readme = read("README.md");

  it(`stays under ${README_MAX_LINES} lines`, () => {
    expect(readme.split("\n").length).toBeLessThan(README_MAX_LINES);
  });

  it("points at nothing outside the repository", () => {
    expect(readme).not.toContain("../");
    expect(readme).not.toMatch(/\bshared\//);
  });

  it("links to the generated references instead of holding them", () => {
    expect(readme).toContain("](docs/tools.md)");
    expect(readme).toContain("](docs/options.md)");
    expect(readme).not.toContain("tool-reference:start");
  });
});
