// The dashboard view's entry: connects to the host (MCP Apps), renders each describe_ecs_tasks
// answer it is given, follows the host's theme and zone, and refreshes the running rows through the
// app-only refresh_ecs_task_progress tool until they end or the time limit passes.
import { App, applyDocumentTheme, applyHostStyleVariables, type McpUiHostContext } from "@modelcontextprotocol/ext-apps";
import { applyRefresh, fromAnswer, hasRunning, refreshGroups, type Dashboard } from "./model.js";
import { renderDashboard } from "./render.js";
import { nextDelay, shouldStop, type StopReason } from "./schedule.js";

const REFRESH_TOOL = "refresh_ecs_task_progress";

const root = document.getElementById("root")!;
const status = document.getElementById("live-status")!;
const refreshButton = document.getElementById("refresh-now") as HTMLButtonElement;

let dashboard: Dashboard | undefined;
let hostContext: McpUiHostContext | undefined;
let timer: ReturnType<typeof setTimeout> | undefined;
let delay: number | undefined;
let startedMs = 0;
let generation = 0;

const app = new App({ name: "ecs-tasks-dashboard", version: "1" }, {}, { autoResize: true });

function hostZone(): string | undefined {
  return hostContext?.timeZone;
}

/** Wall-clock time for the status line, in the zone the task times are shown in. */
function clock(ms = Date.now()): string {
  const zone = dashboard && (dashboard.zoneNamed || !hostZone()) ? dashboard.zone : hostZone();
  try {
    return new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23", ...(zone ? { timeZone: zone } : {}) }).format(ms);
  } catch {
    return new Date(ms).toISOString().slice(11, 19) + " UTC";
  }
}

function render(): void {
  if (dashboard) renderDashboard(root, dashboard, hostZone());
}

function say(text: string): void {
  status.textContent = text;
}

function applyHost(ctx: McpUiHostContext | undefined): void {
  if (!ctx) return;
  hostContext = { ...hostContext, ...ctx };
  if (ctx.theme) applyDocumentTheme(ctx.theme);
  if (ctx.styles?.variables) applyHostStyleVariables(ctx.styles.variables);
  render();
}

function stop(reason: StopReason | "unavailable"): void {
  if (timer) clearTimeout(timer);
  timer = undefined;
  refreshButton.hidden = reason !== "limit";
  if (reason === "ended") say(`All shown tasks have ended; stopped refreshing at ${clock()}.`);
  else if (reason === "limit") say(`Stopped refreshing at ${clock()} (time limit reached). Refresh now, or ask again for newer figures.`);
  else say("This host does not let the view refresh; ask again for newer figures.");
}

function schedule(failed: boolean): void {
  if (!dashboard) return;
  delay = nextDelay(delay, failed);
  const why = shouldStop(startedMs, Date.now(), delay, hasRunning(dashboard));
  if (why) return stop(why);
  const mine = generation;
  timer = setTimeout(() => void refresh(mine), delay);
}

async function refresh(mine: number): Promise<void> {
  if (!dashboard || mine !== generation) return;
  let failed = false;
  for (const group of refreshGroups(dashboard)) {
    try {
      const result = await app.callServerTool({ name: REFRESH_TOOL, arguments: { ...group, TimeZone: dashboard.zone } });
      if (mine !== generation) return;
      if (result.isError) {
        failed = true;
        continue;
      }
      dashboard = applyRefresh(dashboard, result.structuredContent).dashboard;
    } catch {
      failed = true;
    }
  }
  if (mine !== generation) return;
  render();
  say(failed ? `Refresh failed at ${clock()}; trying again later.` : `Updated ${clock()}; refreshing while tasks run.`);
  schedule(failed);
}

function start(next: Dashboard): void {
  generation++;
  if (timer) clearTimeout(timer);
  dashboard = next;
  delay = undefined;
  startedMs = Date.now();
  render();
  if (!hasRunning(next)) return stop("ended");
  if (!app.getHostCapabilities()?.serverTools) return stop("unavailable");
  refreshButton.hidden = true;
  say(`Shown at ${clock()}; refreshing while tasks run.`);
  schedule(false);
}

refreshButton.addEventListener("click", () => {
  if (dashboard) start(dashboard);
});

app.ontoolresult = (result) => {
  const next = result.isError ? undefined : fromAnswer(result.structuredContent);
  if (next) return start(next);
  generation++;
  root.replaceChildren();
  const text = result.content?.find((c) => c.type === "text");
  say(text && "text" in text ? text.text : "No task list in this answer.");
};
app.onhostcontextchanged = (ctx) => applyHost(ctx);
app.onteardown = () => {
  generation++;
  if (timer) clearTimeout(timer);
  return {};
};

void app.connect().then(() => applyHost(app.getHostContext()));
