// The headless browser of the dashboard test: a system Chromium when there is one, else the one
// @sparticuz/chromium ships inside its npm package (so `npm ci && npm test` needs no browser
// download). ECS_TASKS_MCP_TEST_BROWSER=sparticuz forces the npm-shipped one (CI does, so that
// path stays tested), =system insists on the system one. Resolved ONCE, in the global setup
// (test/global-setup.ts): executablePath() unpacks to a fixed file in the temp folder and must
// never run from parallel workers.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";

export const BROWSER_ENV = "ECS_TASKS_MCP_TEST_BROWSER";
export const SYSTEM_CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];

export interface BrowserChoice {
  source: "system" | "sparticuz";
  executablePath: string;
  args: string[];
}

/** Flags of the npm-shipped build we do not want: the test should see a browser's normal security. */
const UNWANTED = new Set(["--disable-web-security", "--allow-running-insecure-content"]);

export async function chooseBrowser(env: NodeJS.ProcessEnv = process.env): Promise<BrowserChoice> {
  const wanted = env[BROWSER_ENV]?.trim().toLowerCase() || "auto";
  if (!["auto", "system", "sparticuz"].includes(wanted)) throw new Error(`${BROWSER_ENV} must be system or sparticuz, got "${wanted}"`);
  const system = SYSTEM_CHROMIUM.find((p) => existsSync(p));
  if (wanted === "system" || (wanted === "auto" && system)) {
    if (!system) throw new Error(`${BROWSER_ENV}=system but no system Chromium at ${SYSTEM_CHROMIUM.join(" or ")}`);
    return { source: "system", executablePath: system, args: ["--no-sandbox"] };
  }
  const { default: chromium } = await import("@sparticuz/chromium");
  let executablePath = await chromium.executablePath();
  // It reuses whatever the fixed temp file holds: another checkout's older build (143.x crashes
  // here) is replaced by ours. Unlinking is safe even while another process runs that file.
  const expected = shippedMajor();
  if (majorOf(executablePath) !== expected) {
    rmSync(executablePath, { force: true });
    executablePath = await chromium.executablePath();
    if (majorOf(executablePath) !== expected) throw new Error(`${executablePath} is not Chromium ${expected}; remove it and run the tests again`);
  }
  return { source: "sparticuz", executablePath, args: chromium.args.filter((a) => !UNWANTED.has(a)) };
}

/** The major version pinned in package.json (exact, so it is what npm installed). */
function shippedMajor(): string {
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { devDependencies: Record<string, string> };
  return String(pkg.devDependencies["@sparticuz/chromium"]?.split(".")[0]);
}

/** "Chromium 153.0.8010.0" -> "153"; undefined when the binary does not run. */
function majorOf(executable: string): string | undefined {
  try {
    return /(\d+)\./.exec(execFileSync(executable, ["--version"], { encoding: "utf8", timeout: 20_000 }))?.[1];
  } catch {
    return undefined;
  }
}
