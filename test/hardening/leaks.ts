// What the hardening tests look for in everything the server writes.

/** The first run of `n` characters of `secret` found in `haystack`, if any. */
export function leakedRun(haystack: string, secret: string, n = 10): string | undefined {
  for (let i = 0; i + n <= secret.length; i++) {
    const run = secret.slice(i, i + n);
    if (haystack.includes(run)) return run;
  }
  return undefined;
}
