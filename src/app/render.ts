// The dashboard's DOM, rebuilt from the model on every change (a few dozen rows at most). Text is
// always set with textContent, never parsed as HTML: task fields come from the cloud API.
import { RUNNING, shownTime, type Dashboard, type Row } from "./model.js";

const STATUS_CLASS: Record<string, string> = { Processing: "running", Finished: "ok", Failed: "failed" };
const STATUS_TEXT: Record<string, string> = { Processing: "Running", Finished: "Finished", Failed: "Failed" };

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Status as colour AND words (a dot and the word), never colour alone. */
function statusBadge(status: string): HTMLElement {
  const badge = el("span", `status status-${STATUS_CLASS[status] ?? "other"}`);
  badge.append(el("span", "dot"), el("span", "status-text", STATUS_TEXT[status] ?? (status || "Unknown")));
  return badge;
}

function progressBar(row: Row): HTMLElement {
  const wrap = el("div", "progress");
  const bar = el("div", "bar");
  bar.setAttribute("role", "progressbar");
  bar.setAttribute("aria-label", `Progress of ${row.TaskId}`);
  bar.setAttribute("aria-valuemin", "0");
  bar.setAttribute("aria-valuemax", "100");
  const fill = el("div", "fill");
  if (row.Progress !== undefined) {
    bar.setAttribute("aria-valuenow", String(row.Progress));
    bar.setAttribute("aria-valuetext", `${row.Progress}%`);
    fill.style.width = `${row.Progress}%`;
  } else {
    bar.classList.add("indeterminate");
    bar.setAttribute("aria-valuetext", "percent not known");
  }
  bar.append(fill);
  wrap.append(bar, el("span", "percent", row.Progress !== undefined ? `${row.Progress}%` : "—"));
  return wrap;
}

function taskItem(row: Row, d: Dashboard, hostZone: string | undefined): HTMLElement {
  const li = el("li", `task task-${STATUS_CLASS[row.TaskStatus] ?? "other"}`);
  li.tabIndex = 0;
  li.dataset["taskId"] = row.TaskId;
  const head = el("div", "task-head");
  head.append(el("span", "action", row.TaskAction || "Task"), statusBadge(row.TaskStatus));
  li.append(head);

  const ids = el("div", "ids");
  ids.append(el("code", "task-id", row.TaskId));
  const resource = [row.ResourceId, row.ImageName].filter(Boolean).join(" · ");
  if (resource) ids.append(el("span", "resource", resource));
  if (row.RegionId) ids.append(el("span", "region", row.RegionId));
  li.append(ids);

  const created = shownTime(row.CreationTime, row.CreationTimeLocal, d, hostZone);
  if (created) li.append(el("div", "created", `Created ${created.text} (${created.zone})`));

  if (row.TaskStatus === RUNNING) {
    li.append(progressBar(row));
    const eta = shownTime(row.EstimatedCompletionTime, row.EstimatedCompletionTimeLocal, d, hostZone);
    if (eta) li.append(el("div", "eta", `ETA ${eta.text} (${eta.zone})`));
  }
  if (row.TaskStatus === "Failed" && (row.ErrorCode || row.ErrorMsg)) {
    const failure = el("div", "failure");
    if (row.ErrorCode) failure.append(el("strong", "error-code", row.ErrorCode));
    if (row.ErrorMsg) failure.append(el("span", "error-msg", row.ErrorMsg));
    li.append(failure);
  }
  const note = row.LookupError ? `Not looked up: ${row.LookupError}` : row.Note;
  if (note) li.append(el("div", "note", note));
  return li;
}

export function renderDashboard(root: HTMLElement, d: Dashboard, hostZone: string | undefined): void {
  const header = el("header", "summary");
  const title = el("h1", undefined, `ECS tasks: ${d.total} matching`);
  const counts = el("ul", "counts");
  counts.setAttribute("aria-label", "Tasks by status");
  for (const [status, n] of Object.entries(d.byStatus)) {
    const li = el("li");
    li.append(statusBadge(status), el("span", "count", String(n)));
    counts.append(li);
  }
  const window = el("p", "window", d.window ? `Created ${d.window}` : `Time zone ${d.zoneNamed || !hostZone ? d.zone : hostZone}`);
  header.append(title, counts, window);
  if (d.notice) header.append(el("p", "notice", d.notice));

  const list = el("ul", "tasks");
  list.setAttribute("aria-label", "Tasks");
  for (const row of d.rows) list.append(taskItem(row, d, hostZone));
  if (d.rows.length === 0) list.append(el("li", "empty", "No tasks match."));
  if (d.rows.length < d.total) list.append(el("li", "more", `Showing the newest ${d.rows.length} of ${d.total}.`));

  root.replaceChildren(header, list);
}
