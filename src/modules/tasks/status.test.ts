import { describe, expect, it } from "vitest";
import { aggregateTaskStatus, statusByTask } from "./status";

describe("aggregateTaskStatus", () => {
  it("is done only when every lead agency is done, and on time only if all were", () => {
    expect(aggregateTaskStatus(["DONE_ON_TIME"])).toBe("DONE_ON_TIME");
    expect(aggregateTaskStatus(["DONE_ON_TIME", "DONE_ON_TIME"])).toBe("DONE_ON_TIME");
    expect(aggregateTaskStatus(["DONE_ON_TIME", "DONE_LATE"])).toBe("DONE_LATE");
  });

  it("reports an overdue agency before anything else that is unfinished", () => {
    expect(aggregateTaskStatus(["DONE_ON_TIME", "OVERDUE"])).toBe("OVERDUE");
    expect(aggregateTaskStatus(["IN_PROGRESS", "OVERDUE", "NOT_STARTED"])).toBe("OVERDUE");
  });

  it("is in progress when any agency works on it, or some have finished and the others not started", () => {
    expect(aggregateTaskStatus(["NOT_STARTED", "IN_PROGRESS"])).toBe("IN_PROGRESS");
    expect(aggregateTaskStatus(["DONE_LATE", "IN_PROGRESS"])).toBe("IN_PROGRESS");
    expect(aggregateTaskStatus(["DONE_ON_TIME", "NOT_STARTED"])).toBe("IN_PROGRESS");
  });

  it("keeps recurring tasks ongoing, never in progress or overdue", () => {
    expect(aggregateTaskStatus(["ONGOING", "NOT_STARTED"], { recurring: true })).toBe("ONGOING");
    expect(aggregateTaskStatus(["DONE_ON_TIME", "NOT_STARTED"], { recurring: true })).toBe("ONGOING");
    expect(aggregateTaskStatus(["NOT_STARTED", "NOT_STARTED"], { recurring: true })).toBe("NOT_STARTED");
  });

  it("is not started when no agency has reported work, and unknown without agencies", () => {
    expect(aggregateTaskStatus(["NOT_STARTED", "NOT_STARTED"])).toBe("NOT_STARTED");
    expect(aggregateTaskStatus(["NOT_STARTED", "NO_REPORT"])).toBe("NOT_STARTED");
    expect(aggregateTaskStatus([])).toBeNull();
  });

  it("is 'no report yet' only when no agency has reported, never overdue for that alone", () => {
    expect(aggregateTaskStatus(["NO_REPORT", "NO_REPORT"])).toBe("NO_REPORT");
    expect(aggregateTaskStatus(["NO_REPORT", "OVERDUE"])).toBe("OVERDUE");
    expect(aggregateTaskStatus(["NO_REPORT", "IN_PROGRESS"])).toBe("IN_PROGRESS");
    expect(aggregateTaskStatus(["NO_REPORT", "DONE_ON_TIME"])).toBe("IN_PROGRESS");
  });
});

describe("statusByTask", () => {
  it("groups (task, agency) rows by task", () => {
    const rows = [
      { taskId: 1, status: "DONE_ON_TIME" as const },
      { taskId: 2, status: "NOT_STARTED" as const },
      { taskId: 1, status: "OVERDUE" as const },
      { taskId: 2, status: "DONE_LATE" as const },
      { taskId: 3, status: "DONE_LATE" as const },
    ];
    const byTask = statusByTask(rows, (id) => id === 2);
    expect(Object.fromEntries(byTask)).toEqual({ 1: "OVERDUE", 2: "ONGOING", 3: "DONE_LATE" });
  });
});
