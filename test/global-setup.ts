// Vitest global setup: runs once per `vitest run`, before any worker starts. Picks the browser for
// the dashboard test (unpacking the npm-shipped Chromium here, never from parallel workers) and
// hands its path to the tests through provide/inject.
import type { TestProject } from "vitest/node";
import { chooseBrowser, type BrowserChoice } from "./helpers/browser.js";

declare module "vitest" {
  export interface ProvidedContext {
    browser: BrowserChoice;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  project.provide("browser", await chooseBrowser());
}
