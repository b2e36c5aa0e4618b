// The dashboard in a real browser (issue 16). Headless Chromium (playwright-core, the browser from
// test/helpers/browser.ts) opens a host page that loads the view, read from the spawned stdio server
// as a client with MCP Apps would, into a sandboxed iframe, with the real AppBridge of
// @modelcontextprotocol/ext-apps as the host (no client of its own: its tool calls are forwarded to
// the SDK client of this test). The server asks a sandbox in this process whose tasks move with the
// real clock, so a refresh through the app-only tool moves a bar without any model call.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { chromium, type Browser, type FrameLocator, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { SANDBOX_CREDENTIAL, startSandbox, type Sandbox, type SandboxTask } from "../../src/sandbox/index.js";
import { cleanEnv, spawnServer, type Spawned } from "../helpers/spawn.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const OUTPUT_DIR = join(ROOT, "test-results");
const UI = { extensions: { "io.modelcontextprotocol/ui": { mimeTypes: ["text/html;profile=mcp-app"] } } };
const MINUTE = 60_000;

/** Four tasks: one running fast (moves about 1 % a second), one slow, one failed, one finished. */
function tasks(nowMs: number): SandboxTask[] {
  const at = (ms: number) => new Date(Math.floor(ms / 1000) * 1000);
  const base = { RegionId: "cn-hangzhou", SupportCancel: false };
  return [
    { ...base, TaskId: "t-bp1fastimport00001", TaskAction: "ImportImage", TaskStatus: "Processing", ResourceId: "m-bp1fastimage00001", CreationTime: at(nowMs - 30_000), finishAt: at(nowMs + 100_000), SupportCancel: true },
    { ...base, TaskId: "t-bp1slowexport00002", TaskAction: "ExportImage", TaskStatus: "Processing", ResourceId: "m-bp1slowimage00002", CreationTime: at(nowMs - 20 * MINUTE), finishAt: at(nowMs + 60 * MINUTE) },
    {
      ...base,
      TaskId: "t-bp1failedimport0003",
      TaskAction: "ImportImage",
      TaskStatus: "Failed",
      ResourceId: "m-bp1failedimage0003",
      CreationTime: at(nowMs - 90 * MINUTE),
      FinishedTime: at(nowMs - 80 * MINUTE),
      progressStartPercent: 37,
      failure: { ErrorCode: "InvalidImage.Format", ErrorMsg: "The image format is not supported: qcow3." },
    },
    { ...base, TaskId: "t-bp1diskspec0000004", TaskAction: "ModifyDiskSpec", TaskStatus: "Finished", ResourceId: "d-bp1disk0000000004", CreationTime: at(nowMs - 3 * 60 * MINUTE), FinishedTime: at(nowMs - 2 * 60 * MINUTE) },
  ];
}

let sandbox: Sandbox;
let server: Spawned;
let browser: Browser;
let page: Page;
let frame: FrameLocator;
let answer: CallToolResult;
const requests: string[] = [];
const consoleErrors: string[] = [];

/** The host: the real AppBridge, bundled for the page, and a sandboxed iframe for the view. */
async function hostPage(): Promise<string> {
  const bundle = await build({
    stdin: { contents: 'export { AppBridge, PostMessageTransport } from "@modelcontextprotocol/ext-apps/app-bridge";', resolveDir: ROOT, loader: "ts" },
    bundle: true,
    write: false,
    format: "iife",
    globalName: "ExtApps",
    platform: "browser",
    logLevel: "error",
  });
  const bridgeJs = bundle.outputFiles[0]!.text.replace(/<\/(script)/gi, "<\\/$1");
  const hostJs = `
    window.startHost = async ({ html, input, result, context }) => {
      const { AppBridge, PostMessageTransport } = window.ExtApps;
      const iframe = document.createElement("iframe");
      iframe.setAttribute("sandbox", "allow-scripts");
      iframe.title = "ECS task dashboard";
      document.body.append(iframe);
      const bridge = new AppBridge(null, { name: "browser-test-host", version: "1.0.0" }, { serverTools: {} }, { hostContext: context });
      bridge.oncalltool = (params) => window.mcpCallTool(params);
      bridge.onsizechange = ({ height }) => { if (height) iframe.style.height = height + "px"; };
      const initialized = new Promise((resolve) => { bridge.oninitialized = resolve; });
      await bridge.connect(new PostMessageTransport(iframe.contentWindow, iframe.contentWindow));
      iframe.srcdoc = html;
      await initialized;
      await bridge.sendToolInput({ arguments: input });
      await bridge.sendToolResult(result);
      window.bridge = bridge;
    };`;
  return `<!doctype html><html><head><meta charset="utf-8"><style>body{margin:0;background:#eee}iframe{border:0;width:560px;height:640px;display:block;background:#fff}</style></head>
<body><script>${bridgeJs}</script><script>${hostJs}</script></body></html>`;
}

beforeAll(async () => {
  sandbox = await startSandbox({ tasks: tasks(Date.now()) });
  const env = cleanEnv({
    ALIBABA_CLOUD_ACCESS_KEY_ID: SANDBOX_CREDENTIAL.accessKeyId,
    ALIBABA_CLOUD_ACCESS_KEY_SECRET: SANDBOX_CREDENTIAL.accessKeySecret,
    ALIBABA_CLOUD_ECS_ENDPOINT: sandbox.url,
    ALIBABA_CLOUD_REGION_ID: "cn-hangzhou",
  });
  server = await spawnServer(env, [], UI);
  const choice = inject("browser");
  browser = await chromium.launch({ executablePath: choice.executablePath, args: choice.args, headless: true });
  page = await browser.newPage({ viewport: { width: 600, height: 700 } });
  // Nothing may leave the page: any request but about:, data: and blob: is recorded and refused.
  page.on("request", (r) => {
    if (!/^(about|data|blob):/.test(r.url())) requests.push(r.url());
  });
  await page.route("**/*", (route) => (/^(about|data|blob):/.test(route.request().url()) ? route.continue() : route.abort("blockedbyclient")));
  page.on("console", (m) => {
    if (m.type() === "error") consoleErrors.push(m.text());
  });
  page.on("pageerror", (e) => consoleErrors.push(e.message));
  await page.exposeFunction("mcpCallTool", (params: { name: string; arguments?: Record<string, unknown> }) => server.client.callTool(params));
  await page.setContent(await hostPage());
  frame = page.frameLocator("iframe");
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await sandbox?.close();
});

describe("the dashboard in headless Chromium", () => {
  it(`renders every task of a describe_ecs_tasks answer (browser: ${inject("browser").source})`, async () => {
    const { tools } = await server.client.listTools();
    const uri = (tools.find((t) => t.name === "describe_ecs_tasks")!._meta as { ui: { resourceUri: string } }).ui.resourceUri;
    const read = await server.client.readResource({ uri });
    const html = (read.contents[0] as { text: string }).text;
    const input = { RegionId: "cn-hangzhou", TimeZone: "Asia/Shanghai" };
    answer = (await server.client.callTool({ name: "describe_ecs_tasks", arguments: input })) as CallToolResult;
    expect(answer.isError).toBeFalsy();
    // Page functions run in the browser; this file is typed with Node's lib, hence globalThis casts.
    await page.evaluate((a) => (globalThis as unknown as { startHost(x: unknown): Promise<void> }).startHost(a), {
      html,
      input,
      result: answer,
      context: { theme: "light", timeZone: "Europe/Berlin", locale: "en-US", platform: "web" },
    });

    const rows = (answer.structuredContent as { Tasks: Array<{ TaskId: string; TaskStatus: string; Progress?: number; CreationTimeLocal?: string }> }).Tasks;
    expect(rows).toHaveLength(4);
    for (const row of rows) await expect.poll(() => frame.getByText(row.TaskId, { exact: true }).count()).toBe(1);
    // One bar per running task, showing the answer's percent.
    const running = rows.filter((r) => r.TaskStatus === "Processing");
    expect(running).toHaveLength(2);
    await expect.poll(() => frame.getByRole("progressbar").count()).toBe(running.length);
    for (const row of running) {
      const bar = frame.getByRole("progressbar", { name: `Progress of ${row.TaskId}` });
      expect(await bar.getAttribute("aria-valuenow")).toBe(String(row.Progress));
      await expect.poll(() => frame.locator(`li[data-task-id="${row.TaskId}"] .percent`).textContent()).toBe(`${row.Progress}%`);
    }
    // The failure's code and message, status in words as well as colour, times in the answer's zone.
    await expect.poll(() => frame.getByText("InvalidImage.Format").count()).toBe(1);
    await expect.poll(() => frame.getByText("The image format is not supported: qcow3.").count()).toBe(1);
    expect(await frame.locator(`li[data-task-id="t-bp1failedimport0003"] .status-text`).textContent()).toBe("Failed");
    const created = rows[0]!.CreationTimeLocal!;
    expect(await frame.locator(`li[data-task-id="${rows[0]!.TaskId}"] .created`).textContent()).toBe(`Created ${created} (Asia/Shanghai)`);
    expect(await frame.locator(".counts").textContent()).toMatch(/Running\s*2.*Failed\s*1.*Finished\s*1/);
    // Keyboard: every row and the controls can take the focus.
    expect(await frame.locator("li.task[tabindex='0']").count()).toBe(4);

    mkdirSync(OUTPUT_DIR, { recursive: true });
    await page.locator("iframe").screenshot({ path: join(OUTPUT_DIR, "dashboard.png") });
  });

  it("moves a running task's bar through the app-only tool, without any model call", async () => {
    const bar = frame.getByRole("progressbar", { name: "Progress of t-bp1fastimport00001" });
    const before = Number(await bar.getAttribute("aria-valuenow"));
    const attributeCalls = () => sandbox.requests.filter((r) => r.action === "DescribeTaskAttribute").length;
    const callsBefore = attributeCalls();
    await expect.poll(async () => Number(await bar.getAttribute("aria-valuenow")), { timeout: 25_000, interval: 250 }).toBeGreaterThan(before);
    expect(attributeCalls()).toBeGreaterThan(callsBefore);
    // Only running tasks are refreshed, and only through DescribeTaskAttribute (no new DescribeTasks).
    const refreshed = new Set(sandbox.requests.slice(0).filter((r) => r.action === "DescribeTaskAttribute").map((r) => r.query["TaskId"]));
    expect(refreshed.has("t-bp1diskspec0000004")).toBe(false);
    await expect.poll(() => frame.locator(".live").textContent()).toMatch(/^Updated \d\d:\d\d:\d\d; refreshing while tasks run\.$/);
  }, 40_000);

  it("says when it stops: once every shown task has ended", async () => {
    sandbox.finishTask("t-bp1fastimport00001");
    sandbox.finishTask("t-bp1slowexport00002", "Failed");
    await expect.poll(() => frame.locator(".live").textContent(), { timeout: 40_000, interval: 250 }).toMatch(/^All shown tasks have ended; stopped refreshing at \d\d:\d\d:\d\d\.$/);
    expect(await frame.getByRole("progressbar").count()).toBe(0);
    expect(await frame.locator(".counts").textContent()).toMatch(/Failed\s*2.*Finished\s*2/);
  }, 45_000);

  it("follows the host's theme", async () => {
    const background = () => frame.locator("body").evaluate((b) => (globalThis as unknown as { getComputedStyle(e: unknown): { backgroundColor: string } }).getComputedStyle(b).backgroundColor);
    const light = await background();
    await page.evaluate(() => (globalThis as unknown as { bridge: { setHostContext(c: unknown): void } }).bridge.setHostContext({ theme: "dark", timeZone: "Europe/Berlin" }));
    await expect.poll(() => frame.locator("html").getAttribute("data-theme")).toBe("dark");
    expect(await background()).not.toBe(light);
  });

  it("fits a narrow width without sideways scrolling", async () => {
    await page.locator("iframe").evaluate((f) => void ((f as unknown as { style: { width: string } }).style.width = "320px"));
    const overflow = () => frame.locator("html").evaluate((h) => h.scrollWidth - h.clientWidth);
    await expect.poll(() => frame.locator("html").evaluate((h) => h.clientWidth)).toBe(320);
    expect(await overflow()).toBeLessThanOrEqual(0);
  });

  it("sent no request out of the page and logged no console error", () => {
    expect(requests).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
