// isUtcSeconds checks fields arithmetically (for speed); the Date round trip it replaced is the oracle.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatUtcSeconds, isUtcSeconds } from "../../src/util/utc.js";

/** The former definition: Date.parse, then format back and compare. */
function byRoundTrip(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(value)) return false;
  const ms = Date.parse(value);
  return !Number.isNaN(ms) && new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z") === value;
}

const pad = (n: number, w: number) => String(n).padStart(w, "0");
const nearlyValid = fc
  .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 }), fc.integer({ min: 0, max: 61 }))
  .map(([y, mo, d, h, mi, s]) => `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}T${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)}Z`);

describe("isUtcSeconds", () => {
  it.each([
    ["2026-11-28T12:00:00Z", true],
    ["2024-02-29T23:59:59Z", true],
    ["2000-02-29T00:00:00Z", true],
    ["1900-02-29T00:00:00Z", false],
    ["2026-02-29T00:00:00Z", false],
    ["2026-02-30T10:00:00Z", false],
    ["2026-04-31T10:00:00Z", false],
    ["2026-11-28T24:00:00Z", false],
    ["2026-11-28T23:60:00Z", false],
    ["2026-11-28T23:59:60Z", false],
    ["2026-00-10T10:00:00Z", false],
    ["2026-11-28T12:00Z", false],
    ["2026-11-28T12:00:00.000Z", false],
  ])("%s -> %s", (value, expected) => {
    expect(isUtcSeconds(value)).toBe(expected);
    expect(byRoundTrip(value)).toBe(expected);
  });

  it("agrees with the Date round trip on every near-valid timestamp", () => {
    fc.assert(fc.property(nearlyValid, (value) => isUtcSeconds(value) === byRoundTrip(value)), { numRuns: 20_000 });
  });
});

describe("formatUtcSeconds", () => {
  it("drops milliseconds without rounding, for any instant Date can hold", () => {
    fc.assert(
      fc.property(fc.integer({ min: -8.64e15, max: 8.64e15 }), (ms) => {
        expect(formatUtcSeconds(ms)).toBe(new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(/\.\d{3}Z$/, "Z"));
      }),
      { numRuns: 5_000 },
    );
  });
});
