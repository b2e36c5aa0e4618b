// What every tool file exports, and what its handler may use. Handlers get everything through
// the context, so tests build the same tools with a sandbox client and a fixed clock.
import type { ToolAnnotations } from "@modelcontextprotocol/sdk/types.js";
import type { z } from "zod";
import type { ServerConfig } from "../config.js";
import type { EcsApi } from "../ecs/client.js";
import type { RegionResolver } from "../ecs/region.js";

export interface ToolContext {
  ecs: EcsApi;
  regions: RegionResolver;
  config: ServerConfig;
  now: () => Date;
  /** The zone natural time phrases are read in when the call names none. */
  defaultTimeZone: string;
  /** Aborted when the client cancels the request: pass it to every HTTP call. */
  signal: AbortSignal;
}

export interface ToolOutput<T> {
  structured: T;
  /** A compact human summary that stands on its own for a model that ignores structuredContent. */
  text: string;
}

export interface ToolDefinition<In extends z.ZodObject = z.ZodObject, Out extends z.ZodObject = z.ZodObject> {
  name: string;
  title: string;
  description: string;
  inputSchema: In;
  outputSchema: Out;
  annotations: ToolAnnotations;
  handler(args: z.infer<In>, ctx: ToolContext): Promise<ToolOutput<z.infer<Out>>>;
}
