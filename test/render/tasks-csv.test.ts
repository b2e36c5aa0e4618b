// The CSV: RFC 4180 (CRLF, quoting), formula injection neutralised, local columns in IANA zones only.
import { describe, expect, it } from "vitest";
import type { Task } from "../../src/ecs/tasks-api.js";
import { csvField, TASKS_CSV_COLUMNS, tasksCsv } from "../../src/render/tasks-csv.js";
import { csvRows, parseCsv } from "../helpers/csv.js";

const HEADER = "TaskId,RegionId,TaskAction,TaskStatus,ResourceId,CreationTime,CreationTimeLocal,FinishedTime,FinishedTimeLocal,DurationSeconds,SupportCancel";

const finished: Task = {
  TaskId: "t-bp1aaaa0001",
  RegionId: "cn-hangzhou",
  TaskAction: "ImportImage",
  TaskStatus: "Finished",
  ResourceId: "m-bp1aaaa0001",
  CreationTime: "2026-11-27T16:30:00Z",
  FinishedTime: "2026-11-27T17:05:00Z",
  SupportCancel: false,
  DurationSeconds: 2100,
};
const running: Task = { TaskId: "t-bp1aaaa0002", TaskAction: "ExportImage", TaskStatus: "Processing", CreationTime: "2026-11-28T14:00:00Z", SupportCancel: true, DurationSeconds: 600 };

describe("tasksCsv", () => {
  it("writes the header and one CRLF-terminated record per task, local times in the zone", () => {
    const csv = tasksCsv([finished, running], "Asia/Shanghai");
    expect(csv).toBe(
      `${HEADER}\r\n` +
        "t-bp1aaaa0001,cn-hangzhou,ImportImage,Finished,m-bp1aaaa0001,2026-11-27T16:30:00Z,2026-11-28 00:30,2026-11-27T17:05:00Z,2026-11-28 01:05,2100,false\r\n" +
        "t-bp1aaaa0002,,ExportImage,Processing,,2026-11-28T14:00:00Z,2026-11-28 22:00,,,600,true\r\n",
    );
    expect(TASKS_CSV_COLUMNS.join(",")).toBe(HEADER);
  });

  it("is only a header when nothing matched", () => {
    expect(tasksCsv([], "UTC")).toBe(`${HEADER}\r\n`);
  });

  it.each([
    ["no zone", undefined],
    ["an unknown zone", "Mars/Olympus_Mons"],
  ])("leaves the local columns empty for %s", (_what, zone) => {
    const { rows } = csvRows(tasksCsv([finished], zone));
    expect(rows[0]).toMatchObject({ CreationTime: "2026-11-27T16:30:00Z", CreationTimeLocal: "", FinishedTimeLocal: "" });
  });

  it("fills the local columns for a fixed offset", () => {
    const { rows } = csvRows(tasksCsv([finished], "UTC+08:00"));
    expect(rows[0]).toMatchObject({ CreationTime: "2026-11-27T16:30:00Z", CreationTimeLocal: "2026-11-28 00:30" });
  });

  it("quotes fields with , \" CR or LF, and neutralises formula starts", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("two\r\nlines")).toBe('"two\r\nlines"');
    expect(csvField("lf\nonly")).toBe('"lf\nonly"');
    expect(csvField("=HYPERLINK(\"http://x\")")).toBe("\"'=HYPERLINK(\"\"http://x\"\")\"");
    expect(csvField("+1")).toBe("'+1");
    expect(csvField("-1+1")).toBe("'-1+1");
    expect(csvField("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvField("\tcmd")).toBe("'\tcmd");
    expect(csvField("\rcmd")).toBe("\"'\rcmd\"");
    expect(csvField("a=b")).toBe("a=b");
    expect(csvField("")).toBe("");
  });

  it("survives hostile values from the API: every record parses back to the (neutralised) values", () => {
    const hostile: Task = { ...finished, TaskStatus: 'Odd,"status"\r\nX', ResourceId: "=cmd|' /C calc'!A0", TaskAction: "@x" };
    const text = tasksCsv([hostile, finished], "UTC");
    const records = parseCsv(text);
    expect(records).toHaveLength(3);
    expect(records[1]!.slice(2, 5)).toEqual(["'@x", 'Odd,"status"\r\nX', "'=cmd|' /C calc'!A0"]);
    expect(records[2]![0]).toBe(finished.TaskId);
  });
});
