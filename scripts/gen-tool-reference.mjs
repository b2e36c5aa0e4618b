// `npm run docs`: writes docs/tools.md (the tool reference) and the tools list and version in
// manifest.json and server.json, from the built tools (run after `npm run build`).
// test/ecosystem/packaging.test.ts fails when any of them is stale.
import { readFileSync } from "node:fs";
import { renderToolReference, shortDescription } from "./lib/tool-reference.mjs";
import { writeIfChanged } from "./lib/write-if-changed.mjs";

const root = new URL("../", import.meta.url);
// The built tools (what ships), typed from their source.
/** @type {typeof import("../src/tools/index.js")} */
const { tools, allTools } = await import(new URL("dist/tools/index.js", root).href);
/** @type {typeof import("../src/tools/define-tool.js")} */
const { isAppOnly } = await import(new URL("dist/tools/define-tool.js", root).href);

const docUrl = new URL("docs/tools.md", root);
// The reference documents every tool, opt-in ones included; the manifest lists the default ones.
const next = renderToolReference(allTools);
writeIfChanged(docUrl, next);

const pkg = JSON.parse(readFileSync(new URL("package.json", root), "utf8"));
const manifestUrl = new URL("manifest.json", root);
const manifest = JSON.parse(readFileSync(manifestUrl, "utf8"));
manifest.version = pkg.version;
// The model's tools: app-only ones (`_meta.ui.visibility: ["app"]`, for the dashboard view) are not listed.
manifest.tools = tools.filter((t) => !isAppOnly(t)).map((t) => ({ name: t.name, description: shortDescription(t) }));
const manifestText = `${JSON.stringify(manifest, null, 2)}\n`;
writeIfChanged(manifestUrl, manifestText);

const serverUrl = new URL("server.json", root);
const server = JSON.parse(readFileSync(serverUrl, "utf8"));
server.version = pkg.version;
for (const p of server.packages ?? []) p.version = pkg.version;
const serverText = `${JSON.stringify(server, null, 2)}\n`;
writeIfChanged(serverUrl, serverText);

process.stdout.write(`tool reference: ${allTools.map((t) => t.name).join(", ")}; docs/tools.md, manifest.json and server.json are current\n`);
