// The default tools/list is read by the model every turn: name + description + input JSON Schema,
// summed over the tools listed by default, stays within LISTING_BUDGET characters.
import { afterAll, beforeAll, expect, it } from "vitest";
import { startHarness, type Harness } from "./helpers/in-memory.js";

const LISTING_BUDGET = 6_000;

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h.close());

it(`keeps the default listing within ${LISTING_BUDGET} characters`, async () => {
  const { tools } = await h.client.listTools();
  const size = tools.reduce((n, t) => n + t.name.length + (t.description ?? "").length + JSON.stringify(t.inputSchema).length, 0);
  console.log(`default tools/list: ${size} characters`);
  expect(size).toBeLessThanOrEqual(LISTING_BUDGET);
});
