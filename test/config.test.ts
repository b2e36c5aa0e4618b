import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseArgs, resolveConfig } from "../src/config.js";
import { parseEndpointOverride, regionalEndpoint } from "../src/ecs/endpoints.js";
import { ConfigError } from "../src/errors.js";
import { RegionResolver } from "../src/ecs/region.js";
import { SERVER_VERSION } from "../src/version.js";
import pkg from "../package.json" with { type: "json" };

function homeWithProfile(config: unknown): string {
  const home = mkdtempSync(join(tmpdir(), "ecs-home-"));
  mkdirSync(join(home, ".aliyun"));
  writeFileSync(join(home, ".aliyun", "config.json"), JSON.stringify(config));
  return home;
}

describe("configuration", () => {
  it("keeps the version in step with package.json", () => {
    expect(SERVER_VERSION).toBe(pkg.version);
  });

  it("lets flags override environment variables", () => {
    const env = { ALIBABA_CLOUD_REGION_ID: "cn-beijing", ECS_TASKS_MCP_TIMEOUT_MS: "2000", ALIBABA_CLOUD_ECS_ENDPOINT: "http://127.0.0.1:1" };
    expect(resolveConfig(parseArgs([]), env)).toMatchObject({ regionId: "cn-beijing", timeoutMs: 2000, endpoint: "http://127.0.0.1:1", sandbox: false });
    expect(resolveConfig(parseArgs(["--region", "cn-shanghai", "--timeout-ms=3000", "--sandbox"]), env)).toMatchObject({
      regionId: "cn-shanghai",
      timeoutMs: 3000,
      sandbox: true,
    });
  });

  it("reads the connect timeout and page concurrency, within bounds", () => {
    expect(resolveConfig(parseArgs([]), { ECS_TASKS_MCP_CONNECT_TIMEOUT_MS: "1500", ECS_TASKS_MCP_PAGE_CONCURRENCY: "1" })).toMatchObject({
      connectTimeoutMs: 1500,
      pageConcurrency: 1,
    });
    expect(resolveConfig(parseArgs([]), {}).connectTimeoutMs).toBe(5000);
    expect(() => resolveConfig(parseArgs([]), { ECS_TASKS_MCP_PAGE_CONCURRENCY: "64" })).toThrow(/1 to 16/);
  });

  it("refuses unknown flags and bad numbers", () => {
    expect(() => parseArgs(["--bogus"])).toThrow(/unknown argument/);
    expect(() => parseArgs(["--timeout-ms", "abc"])).toThrow(/whole number/);
    expect(() => parseArgs(["--region"])).toThrow(/needs a value/);
  });

  it("validates an endpoint override as an origin", () => {
    expect(parseEndpointOverride("http://127.0.0.1:8080/")).toBe("http://127.0.0.1:8080");
    expect(() => parseEndpointOverride("ftp://x")).toThrow(ConfigError);
    expect(() => parseEndpointOverride("https://a.b/path")).toThrow(/origin only/);
    expect(() => parseEndpointOverride("not a url")).toThrow(/not a URL/);
  });

  it("builds the regional endpoint only from a valid region ID", () => {
    expect(regionalEndpoint("cn-hangzhou")).toBe("https://ecs.cn-hangzhou.aliyuncs.com");
    expect(() => regionalEndpoint("evil.com/x")).toThrow(ConfigError);
    expect(() => regionalEndpoint("cn-hangzhou.attacker.net")).toThrow(ConfigError);
  });
});

describe("region resolution", () => {
  const emptyHome = mkdtempSync(join(tmpdir(), "ecs-empty-"));

  it("prefers the argument, then configuration, then the CLI profile", async () => {
    const home = homeWithProfile({ current: "work", profiles: [{ name: "work", region_id: "cn-shenzhen" }, { name: "other", region_id: "us-west-1" }] });
    expect(await new RegionResolver("cn-beijing", undefined, home).resolve("cn-shanghai")).toEqual({ regionId: "cn-shanghai", source: "argument" });
    expect(await new RegionResolver("cn-beijing", undefined, home).resolve(undefined)).toEqual({ regionId: "cn-beijing", source: "configuration" });
    expect(await new RegionResolver(undefined, undefined, home).resolve(undefined)).toEqual({ regionId: "cn-shenzhen", source: "cli_profile" });
    expect(await new RegionResolver(undefined, "other", home).resolve(undefined)).toEqual({ regionId: "us-west-1", source: "cli_profile" });
  });

  it("never defaults silently: with no region it names all three sources", async () => {
    const err = await new RegionResolver(undefined, undefined, emptyHome).resolve(undefined).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as Error).message).toMatch(/RegionId[\s\S]*ALIBABA_CLOUD_REGION_ID[\s\S]*region_id/);
  });

  it("refuses malformed region IDs before they reach a host name", async () => {
    await expect(new RegionResolver("cn-hangzhou.evil.com", undefined, emptyHome).resolve(undefined)).rejects.toThrow(/not a region ID/);
    await expect(new RegionResolver(undefined, undefined, emptyHome).resolve("UPPER-case")).rejects.toThrow(/not a region ID/);
  });
});
