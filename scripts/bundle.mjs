// `npm run bundle`: the MCP Bundle (.mcpb) for one-click install in Claude Desktop. A zip of
// manifest.json, dist/ (no source maps), the production node_modules, package.json, README.md and
// LICENSE. Production dependencies come from `npm ci --omit=dev` in a temp folder, so the only
// network use is the npm registry (or none, with a warm npm cache).
import { execFileSync } from "node:child_process";
import { copyFileSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createZip } from "./lib/zip.mjs";

const ROOT = fileURLToPath(new URL("../", import.meta.url));

/**
 * @param {string} dir
 * @param {(full: string, entry: import("node:fs").Dirent) => boolean} skip
 * @returns {string[]}
 */
function walk(dir, skip) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (skip(full, entry)) continue;
    if (entry.isDirectory()) out.push(...walk(full, skip));
    else if (entry.isFile()) out.push(full); // symlinks (node_modules/.bin) are left out
  }
  return out.sort();
}

/**
 * The bundle's entries: [{ name, path, mode }], in a stable order.
 * @param {string} root
 * @param {string} [nodeModules]
 */
export function collectBundleFiles(root, nodeModules) {
  const files = ["manifest.json", "package.json", "README.md", "LICENSE"].map((name) => ({ name, path: join(root, name), mode: 0o644 }));
  for (const path of walk(join(root, "dist"), (full) => full.endsWith(".map"))) {
    const name = relative(root, path).split(sep).join("/");
    files.push({ name, path, mode: name === "dist/index.js" ? 0o755 : 0o644 });
  }
  if (nodeModules) {
    for (const path of walk(nodeModules, (_full, entry) => entry.name === ".bin")) {
      const mode = lstatSync(path).mode & 0o777;
      files.push({ name: `node_modules/${relative(nodeModules, path).split(sep).join("/")}`, path, mode: mode & 0o111 ? 0o755 : 0o644 });
    }
  }
  return files;
}

/** @param {string} root */
function installProduction(root) {
  const dir = mkdtempSync(join(tmpdir(), "ecs-tasks-mcp-bundle-"));
  copyFileSync(join(root, "package.json"), join(dir, "package.json"));
  copyFileSync(join(root, "package-lock.json"), join(dir, "package-lock.json"));
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  execFileSync(npm, ["ci", "--omit=dev", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"], {
    cwd: dir,
    stdio: ["ignore", "ignore", "inherit"],
    shell: process.platform === "win32",
  });
  return dir;
}

function main() {
  const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
  const manifest = JSON.parse(readFileSync(join(ROOT, "manifest.json"), "utf8"));
  if (manifest.version !== pkg.version) throw new Error(`manifest.json version ${manifest.version} != package.json ${pkg.version}: run npm run docs`);
  const staging = installProduction(ROOT);
  try {
    const files = collectBundleFiles(ROOT, join(staging, "node_modules"));
    const zip = createZip(files.map((f) => ({ name: f.name, data: readFileSync(f.path), mode: f.mode })));
    const out = join(ROOT, `${pkg.name}-${pkg.version}.mcpb`);
    writeFileSync(out, zip);
    process.stdout.write(`${relative(process.cwd(), out) || out}: ${files.length} files, ${(zip.length / 1024 / 1024).toFixed(1)} MiB\n`);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    main();
  } catch (err) {
    process.stderr.write(`bundle failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  }
}
