// Small text formatters shared by the renderers.

/** `5400` -> `1h 30m`; minute precision is all the API gives. */
export function formatDuration(seconds: number | undefined): string {
  if (seconds === undefined) return "-";
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (days > 0) return `${days}d ${hours}h`;
  if (hours > 0) return `${hours}h ${mins}m`;
  return `${mins}m`;
}

export function formatCounts(counts: Record<string, number>): string {
  const entries = Object.entries(counts).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return entries.length ? entries.map(([k, n]) => `${k} ${n}`).join(", ") : "none";
}

/** Said when a call ran under a named aliyun CLI profile. */
export function profileLine(profile: string, provider: string | undefined): string {
  return `Profile: ${profile} (credentials: ${provider ?? "not used"}).`;
}
