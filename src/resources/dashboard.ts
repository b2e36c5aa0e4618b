// The task dashboard (MCP Apps): one self-contained HTML file, built from src/app/ by `npm run build`
// into dist/app/dashboard.html, served as the `ui://` resource describe_ecs_tasks names in
// `_meta.ui.resourceUri`. Hosts that render MCP Apps show it beside the answer; others never read it.
import { readFile } from "node:fs/promises";
import { RESOURCE_MIME_TYPE, registerAppResource } from "@modelcontextprotocol/ext-apps/server";
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { ErrorCode, McpError } from "@modelcontextprotocol/sdk/types.js";

export const DASHBOARD_URI = "ui://ecs-tasks-mcp/dashboard.html";

/** Where the built view is: beside this module in dist/, or in dist/ when the server runs from src/ (tests). */
const CANDIDATES = ["../app/dashboard.html", "./app/dashboard.html", "../../dist/app/dashboard.html"].map((p) => new URL(p, import.meta.url));

async function readView(): Promise<string> {
  for (const url of CANDIDATES) {
    const html = await readFile(url, "utf8").catch(() => undefined);
    if (html !== undefined) return html;
  }
  throw new McpError(ErrorCode.InternalError, "The dashboard view is not built (dist/app/dashboard.html is missing): run npm run build.");
}

export function registerDashboardResource(server: McpServer): void {
  let cached: Promise<string> | undefined;
  registerAppResource(
    server,
    "ecs_tasks_dashboard",
    DASHBOARD_URI,
    {
      title: "ECS task dashboard",
      description: "Live view of a describe_ecs_tasks answer (MCP Apps): counts, progress bars, failure reasons.",
      // No network of any kind: empty CSP domain lists, and the HTML carries its own strict CSP.
      _meta: { ui: { csp: { connectDomains: [], resourceDomains: [] }, prefersBorder: true } },
    },
    async (uri) => {
      cached ??= readView().catch((err: unknown) => {
        cached = undefined;
        throw err;
      });
      const text = await cached;
      return {
        contents: [{ uri: uri.href, mimeType: RESOURCE_MIME_TYPE, text, _meta: { ui: { csp: { connectDomains: [], resourceDomains: [] }, prefersBorder: true } } }],
      };
    },
  );
}
