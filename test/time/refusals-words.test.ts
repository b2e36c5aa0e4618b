// Issue 15 point 3: phrases that name no time, bare words with no unit, windows that end before
// they start, and TimeRange with StartTime/EndTime are refused, in both languages, with the
// accepted forms of both and two examples of each -- and before any request is sent.
import { describe, expect, it } from "vitest";
import { describeTasks } from "../../src/usecases/describe-tasks.js";
import { TIME_FORMS_HELP, type TimeInput, TimeInputError, resolveTimeQuery } from "../../src/time/index.js";
import { FakeEcs, fakeDeps, tasksBody } from "../helpers/fake-ecs.js";

const NOW = new Date("2026-11-28T14:10:00Z");

function refusal(input: TimeInput, zone = "Asia/Shanghai"): TimeInputError {
  try {
    resolveTimeQuery({ TimeZone: zone, ...input }, NOW);
  } catch (e) {
    expect(e).toBeInstanceOf(TimeInputError);
    return e as TimeInputError;
  }
  throw new Error(`expected a refusal for ${JSON.stringify(input)}`);
}

describe("the accepted forms, in both languages, with two examples of each", () => {
  it("TIME_FORMS_HELP", () => {
    for (const s of ["last 2 hours", "past three days", "the day before yesterday", "this morning", "最近2小时", "过去三天", "上个月", "昨天下午3点", "今天上午9点半"]) {
      expect(TIME_FORMS_HELP).toContain(s);
    }
    expect(TIME_FORMS_HELP).toContain('Examples: TimeRange="last 2 hours"; StartTime="yesterday 14:30", EndTime="now".');
    expect(TIME_FORMS_HELP).toContain('中文示例 (Chinese examples): TimeRange="最近2小时"; StartTime="昨天 15:00", EndTime="现在".');
    expect(TIME_FORMS_HELP.length).toBeLessThan(1500);
  });

  it("ride along with every refusal, Chinese or English", () => {
    for (const input of [{ TimeRange: "很久以前" }, { TimeRange: "a while back" }, { StartTime: "最近" }]) {
      const err = refusal(input);
      expect(err.details).toEqual(TIME_FORMS_HELP.split("\n"));
      expect(err.message).toContain(TIME_FORMS_HELP);
    }
  });
});

describe("refusals", () => {
  it.each([
    // Names no time.
    ["很久以前", /^Could not understand TimeRange "很久以前": 很久以前 ≈ "long ago": it names no definite time\. Say .*"最近3天".*"昨天".*"自 2026-11-20 起"/],
    ["好久之前", /≈ "long ago"/],
    ["刚才", /≈ "just now"/],
    ["前段时间", /≈ "a while ago"/],
    ["这几天", /≈ "the last few days"/],
    ["最近几天", /几 \("a few"\) is not a number/],
    ["以前", /≈ "before"/],
    ["a while back", /^Could not understand TimeRange "a while back": it names no definite time\. Say .*"last 3 days".*"yesterday".*"since 2026-11-20"/],
    ["recently", /it names no definite time/],
    ["the other day", /it names no definite time/],
    ["a few hours ago", /"a few" is not a number/],
    ["the last couple of days", /"couple of" is not a number/],
    // A bare word with no unit.
    ["最近", /^Could not understand TimeRange "最近": 最近 ≈ "recently": it has no number or unit/],
    ["过去", /it has no number or unit/],
    ["last", /it has no unit/],
    ["the past 2", /it has no unit/],
    // Ends before it starts.
    ["今天 → 3天前", /starts after it ends/],
    ["从昨天到前天", /starts after it ends/],
    ["昨天下午5点到3点", /starts after it ends/],
    // Future, empty, a single point, months.
    ["明天", /starts in the future/],
    ["下周", /starts in the future/],
    ["3小时后", /starts in the future/],
    ["最近0小时", /empty window/],
    ["3天前", /single point in time, not a window; say "自 3天前 起" \(since 3天前\) or pass it as StartTime/],
    ["最近一个月", /asks for a rolling month.*"最近30天" \(last 30 days\), "本月" \(this month\), "上个月" \(last month\) or "自 2026-10-28 起"/],
    ["过去三个月", /"最近90天"/],
    ["最近一年", /asks for a rolling year.*"今年" \(this year\), "去年" \(last year\)/],
    ["半年前", /counts back in years/],
    // Not a date or time.
    ["2月30日", /not a valid date/],
    ["晚上2点", /2点 does not fall in 晚上 \(evening\)/],
    ["上午15点", /15点 does not fall in 上午 \(morning\)/],
    ["最近 2 hours", /^Could not understand TimeRange "最近 2 hours"\.$/],
    ["昨天 25:00", /^Could not understand/],
  ])("%s", (phrase, message) => {
    expect(refusal({ TimeRange: phrase }).summary).toMatch(message);
  });

  it.each([
    { TimeRange: "最近2小时", StartTime: "昨天" },
    { TimeRange: "今天", EndTime: "现在" },
  ])("TimeRange with StartTime/EndTime %j", (input) => {
    expect(refusal(input).summary).toMatch(/TimeRange cannot be combined with StartTime or EndTime \(ambiguous\)/);
  });

  it("StartTime after EndTime, in Chinese", () => {
    expect(refusal({ StartTime: "今天", EndTime: "3天前" }).summary).toMatch(/starts after it ends/);
  });

  it("a lone StartTime it cannot read", () => {
    expect(refusal({ StartTime: "很久以前" }).summary).toMatch(/^Could not understand StartTime "很久以前" as a point in time: 很久以前 ≈ "long ago"/);
  });
});

describe("refusals send nothing", () => {
  it.each([
    { TimeRange: "很久以前" },
    { TimeRange: "a while back" },
    { TimeRange: "最近" },
    { TimeRange: "今天 → 3天前" },
    { TimeRange: "最近2小时", StartTime: "昨天" },
    { TimeRange: "past month" },
    { TimeZone: "CST" },
  ])("%j", async (args) => {
    const ecs = new FakeEcs({ DescribeTasks: () => tasksBody([]) });
    await expect(describeTasks(args, fakeDeps(ecs))).rejects.toBeInstanceOf(TimeInputError);
    expect(ecs.calls).toEqual([]);
  });

  it("while the same call with a Chinese phrase that reads is sent, with the window it names", async () => {
    const ecs = new FakeEcs({ DescribeTasks: () => tasksBody([]) });
    const out = await describeTasks({ TimeRange: "最近2小时", TimeZone: "UTC+8", IncludeProgress: false }, fakeDeps(ecs));
    expect(ecs.calls.map((c) => [c.params.StartTime, c.params.EndTime])).toEqual([["2026-11-28T12:10:00Z", "2026-11-28T14:10:00Z"]]);
    expect(out.TimeZone).toBe("UTC+08:00");
    expect(out.Query.TimeWindow).toBe("2026-11-28 20:10 至 2026-11-28 22:10 UTC+08:00");
  });
});
