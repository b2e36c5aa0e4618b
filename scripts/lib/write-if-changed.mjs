// The docs generators rewrite a file only when its text changes, so `npm run docs` on a current tree
// touches nothing (and a stale file is exactly what the packaging test reports).
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";

/**
 * @param {URL} url
 * @param {string} text
 */
export function writeIfChanged(url, text) {
  let current;
  try {
    current = readFileSync(url, "utf8");
  } catch {
    current = undefined;
  }
  if (text === current) return;
  mkdirSync(new URL(".", url), { recursive: true });
  writeFileSync(url, text);
}
