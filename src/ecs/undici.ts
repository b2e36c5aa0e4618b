// undici, loaded on demand (the first request, or the preload after the handshake), once per process.
// Under Node's own loader `import("undici")` has named exports; in the shipped bundle undici is a
// CommonJS chunk whose import has only `default`. Both shapes give the same module here.
export type Undici = typeof import("undici");

let undiciModule: Promise<Undici> | undefined;

export function loadUndici(): Promise<Undici> {
  undiciModule ??= import("undici").then((m) => ("request" in m && typeof m.request === "function" ? m : (m as unknown as { default: Undici }).default));
  return undiciModule;
}
