// The whole tools/list answer is the product's interface to models: any change to a name,
// description or schema must show up here and be reviewed on purpose (`vitest -u` to accept).
import { afterAll, beforeAll, expect, it } from "vitest";
import { startHarness, type Harness } from "./helpers/in-memory.js";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h.close());

it("tools/list matches the reviewed snapshot", async () => {
  const listed = await h.client.listTools();
  await expect(`${JSON.stringify(listed, null, 2)}\n`).toMatchFileSnapshot("./__snapshots__/tools-list.json");
});
