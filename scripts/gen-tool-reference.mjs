// `npm run docs`: regenerates the README's tool reference between its markers and the tools list
// and version in manifest.json, from the built tools (run after `npm run build`).
import { readFileSync, writeFileSync } from "node:fs";
import { replaceToolReference, shortDescription } from "./lib/tool-reference.mjs";

const root = new URL("../", import.meta.url);
// The built tools (what ships), typed from their source.
/** @type {typeof import("../src/tools/index.js")} */
const { tools } = await import(new URL("dist/tools/index.js", root).href);

const readmeUrl = new URL("README.md", root);
const readme = readFileSync(readmeUrl, "utf8");
const next = replaceToolReference(readme, tools);
if (next !== readme) writeFileSync(readmeUrl, next);

const pkg = JSON.parse(readFileSync(new URL("package.json", root), "utf8"));
const manifestUrl = new URL("manifest.json", root);
const manifest = JSON.parse(readFileSync(manifestUrl, "utf8"));
manifest.version = pkg.version;
manifest.tools = tools.map((t) => ({ name: t.name, description: shortDescription(t) }));
const manifestText = `${JSON.stringify(manifest, null, 2)}\n`;
if (manifestText !== readFileSync(manifestUrl, "utf8")) writeFileSync(manifestUrl, manifestText);

const serverUrl = new URL("server.json", root);
const server = JSON.parse(readFileSync(serverUrl, "utf8"));
server.version = pkg.version;
for (const p of server.packages ?? []) p.version = pkg.version;
const serverText = `${JSON.stringify(server, null, 2)}\n`;
if (serverText !== readFileSync(serverUrl, "utf8")) writeFileSync(serverUrl, serverText);

process.stdout.write(`tool reference: ${tools.map((t) => t.name).join(", ")}; README.md, manifest.json and server.json are current\n`);
