// Builds the dashboard view (MCP Apps) into ONE self-contained file, dist/app/dashboard.html:
// src/app/main.ts bundled by esbuild (the ext-apps App class and its SDK and zod parts included),
// the CSS and the JS inlined into src/app/dashboard.html. Fails above MAX_BYTES. Run by `npm run build`.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { zodEnglishOnly } from "./lib/zod-english-only.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const MAX_BYTES = 600 * 1024;

const result = await build({
  entryPoints: [join(root, "src/app/main.ts")],
  bundle: true,
  write: false,
  format: "iife",
  platform: "browser",
  target: "es2022",
  minify: true,
  legalComments: "none",
  tsconfig: join(root, "src/app/tsconfig.json"),
  logLevel: "warning",
  plugins: [zodEnglishOnly],
});
// `</script` inside the inline script would end it early.
const [output] = result.outputFiles ?? [];
if (!output) throw new Error("esbuild wrote no output");
const js = output.text.replace(/<\/(script)/gi, "<\\/$1");
const css = readFileSync(join(root, "src/app/dashboard.css"), "utf8");
const template = readFileSync(join(root, "src/app/dashboard.html"), "utf8");
const html = template.replace("/*__CSS__*/", () => css).replace("/*__JS__*/", () => js);

const bytes = Buffer.byteLength(html);
if (bytes > MAX_BYTES) {
  console.error(`dist/app/dashboard.html is ${bytes} bytes, over the ${MAX_BYTES}-byte limit`);
  process.exit(1);
}
mkdirSync(join(root, "dist/app"), { recursive: true });
writeFileSync(join(root, "dist/app/dashboard.html"), html);
console.log(`dist/app/dashboard.html: ${(bytes / 1024).toFixed(1)} KB`);
