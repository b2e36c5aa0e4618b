// Bundles the server's entry (src/index.ts) into dist/index.js with esbuild, over the file tsc wrote.
// Why: spawn-to-tools/list is mostly module loading, and one file (the MCP SDK and zod inside it)
// loads far faster than some 130 of ours plus the SDK's own. What only some runs need stays out of
// the start-up path as split chunks (dist/chunks/: doctor, --http, the sandbox, undici) or external
// packages loaded on demand (the official credential chain, jose, chrono-node). The rest of dist/
// (tsc's per-module output) remains for `main` (createServer) and the types. Run by `npm run build`.
import { rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { zodEnglishOnly } from "./lib/zod-english-only.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

// Chunk names carry a content hash: without this, every build would leave the last one's behind.
rmSync(join(root, "dist/chunks"), { recursive: true, force: true });

await build({
  entryPoints: { index: join(root, "src/index.ts") },
  outdir: join(root, "dist"),
  chunkNames: "chunks/[name]-[hash]",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  tsconfig: join(root, "tsconfig.build.json"),
  // Loaded on demand and left to Node's own loader: the credential chain (read through require, with
  // its own dependencies), jose (--http with OIDC only) and chrono-node (time phrases only). undici is
  // bundled as a chunk of its own: one file loads in a fraction of the time of its ~100.
  external: ["@alicloud/credentials", "jose", "chrono-node"],
  // CommonJS parts of the bundle (ajv) require Node built-ins; an ES module has no `require` of its own.
  banner: { js: 'import { createRequire as __bundleRequire } from "node:module"; const require = __bundleRequire(import.meta.url);' },
  legalComments: "none",
  logLevel: "warning",
  plugins: [zodEnglishOnly],
});
