// `npm run bundle`: the MCP Bundle (.mcpb) for one-click install in Claude Desktop, packed by the
// official tool: @anthropic-ai/mcpb's packExtension, which is what `mcpb pack` runs (it validates
// manifest.json, then zips the folder keeping file modes). What it packs is a staging folder with
// manifest.json, package.json, README.md, LICENSE, .mcpbignore, dist/ and the production
// node_modules from `npm ci --omit=dev` (so the only network use is the npm registry, or none with a
// warm npm cache). mcpb leaves out its defaults (source maps, *.d.ts, lockfiles, node_modules/.bin)
// and what .mcpbignore lists (sources, tests, and the tests and TypeScript sources of dependencies).
//
//   node scripts/bundle.mjs [--out file.mcpb]     (after `npm run build`; `npm run bundle` does both)
import { execFileSync } from "node:child_process";
import { copyFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = fileURLToPath(new URL("../", import.meta.url));

/** Top-level files copied into the bundle beside dist/ (package.json: `"type": "module"` for dist/). */
export const BUNDLE_FILES = ["manifest.json", "package.json", "README.md", "LICENSE", ".mcpbignore"];

/** @param {string} dir */
function installProduction(dir) {
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  execFileSync(npm, ["ci", "--omit=dev", "--ignore-scripts", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"], {
    cwd: dir,
    stdio: ["ignore", "ignore", "inherit"],
    shell: process.platform === "win32",
  });
  rmSync(join(dir, "package-lock.json")); // only needed by npm ci; mcpb would leave it out anyway
}

/** A temp folder holding exactly what the bundle is made of, ready for `mcpb pack`. */
export function stageBundle(root = ROOT) {
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  const manifest = JSON.parse(readFileSync(join(root, "manifest.json"), "utf8"));
  if (manifest.version !== pkg.version) throw new Error(`manifest.json version ${manifest.version} != package.json ${pkg.version}: run npm run docs`);
  if (!existsSync(join(root, manifest.server.entry_point))) throw new Error(`${manifest.server.entry_point} is missing: run npm run build`);
  const dir = mkdtempSync(join(tmpdir(), "ecs-tasks-mcp-bundle-"));
  try {
    for (const name of BUNDLE_FILES) copyFileSync(join(root, name), join(dir, name));
    cpSync(join(root, "dist"), join(dir, "dist"), { recursive: true }); // keeps dist/index.js executable
    copyFileSync(join(root, "package-lock.json"), join(dir, "package-lock.json"));
    installProduction(dir);
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  return dir;
}

/**
 * Stages and packs; returns the path of the .mcpb written.
 * @param {{ root?: string, out?: string }} [options]
 */
export async function buildBundle({ root = ROOT, out } = {}) {
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  const output = resolve(out ?? join(root, `${pkg.name}-${pkg.version}.mcpb`));
  const { packExtension } = await import("@anthropic-ai/mcpb");
  const staging = stageBundle(root);
  try {
    const ok = await packExtension({ extensionPath: staging, outputPath: output, silent: true });
    if (!ok) throw new Error("mcpb pack failed (run `npx mcpb validate manifest.json` for details)");
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return output;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: { out: { type: "string" } } });
  buildBundle({ out: values.out }).then(
    (output) => {
      const size = readFileSync(output).length;
      process.stdout.write(`${relative(process.cwd(), output) || output}: ${(size / 1024 / 1024).toFixed(1)} MiB, packed by @anthropic-ai/mcpb\n`);
    },
    (err) => {
      process.stderr.write(`bundle failed: ${err.message}\n`);
      process.exit(1);
    },
  );
}
