// tsc does not keep the executable bit; the bin entry must be runnable after a build.
import { chmodSync } from "node:fs";
chmodSync(new URL("../dist/index.js", import.meta.url), 0o755);
