// App-only tools (`_meta.ui.visibility: ["app"]`) are for views, never for the model. Hosts with MCP
// Apps filter them out of what the model sees; hosts without do not know the field and would show
// them. So tools/list names them only to clients that declared the UI extension
// (`io.modelcontextprotocol/ui`) in initialize. tools/call is untouched: a view can always call them.
import { getUiCapability } from "@modelcontextprotocol/ext-apps/server";
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { ListToolsRequestSchema, type ListToolsResult } from "@modelcontextprotocol/sdk/types.js";

type RawHandler = (request: unknown, extra: unknown) => Promise<ListToolsResult> | ListToolsResult;

/** Call after every tool is registered (the SDK installs its tools/list handler with the first). */
export function listAppOnlyToolsToUiClientsOnly(server: McpServer, appOnly: ReadonlySet<string>): void {
  // The SDK keeps its handler in a private map and offers no filter hook; tools-list tests pin this.
  const handlers = (server.server as unknown as { _requestHandlers: Map<string, RawHandler> })._requestHandlers;
  const listAll = handlers.get(ListToolsRequestSchema.shape.method.value);
  if (!listAll) throw new Error("tools/list handler not found: register the tools first");
  server.server.setRequestHandler(ListToolsRequestSchema, async (request, extra) => {
    const result = await listAll(request, extra);
    if (getUiCapability(server.server.getClientCapabilities())) return result;
    return { ...result, tools: result.tools.filter((t) => !appOnly.has(t.name)) };
  });
}
