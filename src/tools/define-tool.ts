// One way to declare a tool, after Playwright MCP's defineTool: a kind (read-only or destructive)
// from which every annotation follows, a contract (zod input and output), a handler that calls a use
// case, and a renderer for its text. No tool writes annotations by hand. The text is rendered from
// the structured answer only after the server has redacted it, so a renderer that cuts a long field
// can never cut a secret in half (redact first, then cut).
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { RequestHandlerExtra } from "@modelcontextprotocol/sdk/shared/protocol.js";
import type { CallToolResult, ResourceLink, ServerNotification, ServerRequest, ToolAnnotations } from "@modelcontextprotocol/sdk/types.js";
import { registerAppTool } from "@modelcontextprotocol/ext-apps/server";
import type { z } from "zod";
import { scopeToProfile } from "../usecases/profile-scope.js";
import type { UseCaseDeps } from "../usecases/services.js";

/** read: only Describe* calls, safe to repeat. destructive: changes something in the account. */
export type ToolKind = "read" | "destructive";

export interface ToolAnswer<T> {
  structured: T;
  /**
   * A compact human summary that stands on its own for a model that ignores structuredContent,
   * rendered from the structured answer as the server passes it in: already redacted.
   */
  render(structured: T): string;
  /** resource_link blocks that follow the text in `content` (e.g. every row as CSV), from the redacted answer. */
  links?(structured: T): ResourceLink[];
}

/** An answer as the handler tests read it: both halves, unredacted. */
export interface RenderedAnswer<T> {
  structured: T;
  text: string;
  links: ResourceLink[];
}

/**
 * The MCP Apps side of a tool (`_meta.ui`): the `ui://` view a host renders beside its answer,
 * and who may call it ("app" alone: only views, never the model). Ignored with --no-ui.
 */
export interface ToolUi {
  resourceUri?: string;
  visibility?: Array<"model" | "app">;
}

export interface ToolSpec<In extends z.ZodObject, Out extends z.ZodObject> {
  name: string;
  title: string;
  kind: ToolKind;
  description: string;
  input: In;
  output: Out;
  ui?: ToolUi;
  handler(args: z.infer<In>, ctx: UseCaseDeps): Promise<z.infer<Out>>;
  /** The text half, from the (redacted) structured half. */
  render(structured: z.infer<Out>): string;
  /** resource_link blocks for `content`, from the (redacted) structured half. */
  links?(structured: z.infer<Out>): ResourceLink[];
}

export function annotationsFor(kind: ToolKind, title: string): ToolAnnotations {
  return kind === "read"
    ? { title, readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true }
    : { title, readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: true };
}

/** Wraps a call's answer or failure into the MCP result; supplied by the server. */
export type RunTool = (
  name: string,
  extra: RequestHandlerExtra<ServerRequest, ServerNotification>,
  work: (ctx: UseCaseDeps) => Promise<ToolAnswer<unknown>>,
) => Promise<CallToolResult>;

/** A declared tool, its types closed over: the registry holds these without `any`. */
export interface Tool {
  readonly name: string;
  readonly title: string;
  readonly kind: ToolKind;
  readonly description: string;
  readonly inputSchema: z.ZodObject;
  readonly outputSchema: z.ZodObject;
  readonly annotations: ToolAnnotations;
  readonly ui?: ToolUi;
  /** The handler without MCP: validates `args` against the contract, runs and renders (for handler tests). */
  handle(args: unknown, ctx: UseCaseDeps): Promise<RenderedAnswer<unknown>>;
  /** `ui`: register the MCP Apps `_meta` (and app-only tools at all); false with --no-ui. */
  register(server: McpServer, run: RunTool, options?: { ui: boolean }): void;
}

/** Only views call it: not listed to clients without MCP Apps, not registered with --no-ui. */
export function isAppOnly(tool: Pick<Tool, "ui">): boolean {
  const visibility = tool.ui?.visibility;
  return visibility !== undefined && !visibility.includes("model");
}

/** Every tool's Profile argument: the call then runs with that CLI profile's client and region. */
function profileOf(args: unknown): string | undefined {
  const p = (args as { Profile?: unknown } | undefined)?.Profile;
  return typeof p === "string" ? p : undefined;
}

export function defineTool<In extends z.ZodObject, Out extends z.ZodObject>(spec: ToolSpec<In, Out>): Tool {
  // The registry erases each tool's own types; the SDK validates args against spec.input first.
  const inputSchema: z.ZodObject = spec.input;
  const outputSchema: z.ZodObject = spec.output;
  const annotations = annotationsFor(spec.kind, spec.title);
  return {
    name: spec.name,
    title: spec.title,
    kind: spec.kind,
    description: spec.description,
    inputSchema,
    outputSchema,
    annotations,
    handle: async (args, ctx) => {
      const parsed = spec.input.parse(args);
      const structured = await spec.handler(parsed, await scopeToProfile(profileOf(parsed), ctx));
      return { structured, text: spec.render(structured), links: spec.links?.(structured) ?? [] };
    },
    ...(spec.ui ? { ui: spec.ui } : {}),
    register(server, run, options = { ui: true }) {
      const config = { title: spec.title, description: spec.description, inputSchema, outputSchema, annotations };
      const callback = (args: unknown, extra: Parameters<RunTool>[1]) =>
        run(spec.name, extra, async (ctx) => {
          // A per-call Profile: this call's client and region come from that aliyun CLI profile.
          const structured = await spec.handler(args as z.infer<In>, await scopeToProfile(profileOf(args), ctx));
          return {
            structured,
            render: (redacted) => spec.render(redacted as z.infer<Out>),
            ...(spec.links ? { links: (redacted: unknown) => spec.links!(redacted as z.infer<Out>) } : {}),
          };
        });
      // The package fills the legacy flat key ("ui/resourceUri") beside `ui` for older hosts.
      if (spec.ui && options.ui) registerAppTool(server, spec.name, { ...config, _meta: { ui: spec.ui } }, callback);
      else server.registerTool(spec.name, config, callback);
    },
  };
}
