// `npm run docs` (second step): writes docs/options.md from the built options table (run after
// `npm run build`). test/ecosystem/packaging.test.ts fails when the file is stale.
import { renderOptionsReference } from "./lib/options-reference.mjs";
import { writeIfChanged } from "./lib/write-if-changed.mjs";

const root = new URL("../", import.meta.url);
const options = await import(new URL("dist/options.js", root).href);

const docUrl = new URL("docs/options.md", root);
const next = renderOptionsReference(options);
writeIfChanged(docUrl, next);
process.stdout.write(`options reference: ${options.OPTIONS.length} entries; docs/options.md is current\n`);
