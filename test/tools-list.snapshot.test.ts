// The tools/list answer is the product's interface to models: any change to a name, description or
// schema must show up here and be reviewed on purpose (`npx vitest run -u` to accept). One file per
// tool, so a review sees which tool changed.
import { afterAll, beforeAll, expect, it } from "vitest";
import { startHarness, type Harness } from "./helpers/in-memory.js";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h.close());

const EXPECTED_TOOLS = ["describe_ecs_tasks", "describe_ecs_task_attribute", "wait_for_ecs_tasks"];

it("lists the read-only tools, in order", async () => {
  const { tools } = await h.client.listTools();
  expect(tools.map((t) => t.name)).toEqual(EXPECTED_TOOLS);
});

it.each(EXPECTED_TOOLS)("%s matches its reviewed snapshot", async (name) => {
  const { tools } = await h.client.listTools();
  const tool = tools.find((t) => t.name === name);
  await expect(`${JSON.stringify(tool, null, 2)}\n`).toMatchFileSnapshot(`./__snapshots__/tools/${name}.json`);
});

it("lists cancel_ecs_task last only with --allow-cancel, and it matches its reviewed snapshot", async () => {
  const withCancel = await startHarness({ allowCancel: true });
  try {
    const { tools } = await withCancel.client.listTools();
    expect(tools.map((t) => t.name)).toEqual([...EXPECTED_TOOLS, "cancel_ecs_task"]);
    await expect(`${JSON.stringify(tools.at(-1), null, 2)}\n`).toMatchFileSnapshot("./__snapshots__/tools/cancel_ecs_task.json");
  } finally {
    await withCancel.close();
  }
});
