// A report's outcome in words, for the summary line above the test list.
import type { Report } from "../api/types.js";

export function explainReport(report: Report): { title: string; detail?: string } {
  const shown = report.tests.filter((t) => !t.hidden);
  const passed = shown.filter((t) => t.status === "pass").length;
  switch (report.status) {
    case "pass":
      return { title: `All ${shown.length} tests passed.` };
    case "fail":
      return { title: `${passed} of ${shown.length} tests passed.`, detail: "Open a failing test below to see what it expected." };
    case "timeout":
      return {
        title: "The tests ran out of time.",
        detail:
          (report.message ? `${report.message} ` : "") +
          "Usually an await that never settles (a receiver waiting for a message that never comes, a promise never resolved) or a loop that does not end.",
      };
    case "error":
      return {
        title: "Your code could not be compiled or loaded, so no test ran.",
        detail: report.message ?? "See the output below for the reason.",
      };
  }
}

export interface TaskGroup {
  taskId: number | null;
  title: string;
  tests: { name: string; index: number }[];
}

/** Tests grouped by task, in file order: "1. Create the container > creates it once" -> task 1. */
export function groupByTask(report: Report): TaskGroup[] {
  const groups: TaskGroup[] = [];
  report.tests.forEach((test, index) => {
    if (test.hidden) return;
    const [head, ...rest] = test.name.split(" > ");
    const title = rest.length > 0 ? head! : test.taskId === null ? "Other tests" : `Task ${test.taskId}`;
    let group = groups.find((g) => g.taskId === test.taskId && g.title === title);
    if (!group) {
      group = { taskId: test.taskId, title, tests: [] };
      groups.push(group);
    }
    group.tests.push({ name: rest.length > 0 ? rest.join(" > ") : test.name, index });
  });
  return groups;
}
