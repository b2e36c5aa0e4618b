import { describe, expect, it } from "vitest";
import { groupThousands } from "../../src/util/text.js";

describe("groupThousands", () => {
  it.each([0, 7, 999, 1_000, 12_345, 100_000, 1_234_567, 10_000_000, -1_000, -999])("writes %d as toLocaleString('en-US') does", (n) => {
    expect(groupThousands(n)).toBe(n.toLocaleString("en-US"));
  });
});
