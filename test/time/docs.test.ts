// The examples in docs/time-phrases.md and the README's time section are real: each one resolves
// (as a window, or as a point for the "points" rows) at a fixed clock in Asia/Shanghai.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { resolveTimeQuery } from "../../src/time/index.js";

const read = (p: string): string => readFileSync(new URL(`../../${p}`, import.meta.url), "utf8");
const NOW = new Date("2026-11-28T14:10:00Z"); // Saturday 22:10 in Shanghai
const ticks = (cell: string): string[] => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);

function rows(text: string, from: string, to: string): Array<{ label: string; examples: string[] }> {
  const section = text.slice(text.indexOf(from), text.indexOf(to, text.indexOf(from)));
  return section
    .split("\n")
    .filter((l) => l.startsWith("| ") && !l.startsWith("| form") && !l.startsWith("| phrase"))
    .map((l) => l.split("|").map((c) => c.trim()))
    .map((cells) => ({ label: cells[1]!, examples: ticks(cells[2]!.startsWith("`") ? cells[2]! : cells[1]!) }));
}

const DOC = read("docs/time-phrases.md");
const README = read("README.md");
const cases = [
  ...rows(DOC, "## English", "## Chinese"),
  ...rows(DOC, "## Chinese", "## Parts of a day"),
  ...rows(README, "## Time phrases", "## Security").map((r) => ({ label: "readme", examples: ticks(r.label) })),
].flatMap(({ label, examples }) =>
  label === "ranges" ? [] : examples.filter((e) => !/\b[XY]\b/.test(e)).map((e) => [label, e] as const),
);

describe("documented time phrases resolve", () => {
  it("the README links the full reference", () => {
    expect(README).toContain("[docs/time-phrases.md](docs/time-phrases.md)");
    // The README keeps a summary; docs/time-phrases.md has every form.
    expect(cases.length).toBeGreaterThan(80);
  });

  it.each(cases)("%s: %s", (label, phrase) => {
    const input = label === "points" ? { StartTime: phrase } : { TimeRange: phrase };
    const r = resolveTimeQuery({ ...input, TimeZone: "Asia/Shanghai" }, NOW);
    expect(r.StartTime ?? r.EndTime).toBeDefined();
  });
});
