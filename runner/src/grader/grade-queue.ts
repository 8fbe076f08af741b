// The seam between the server and grading (DESIGN.md "Scale beyond one machine"): the server submits jobs to
// a GradeQueue. In-process by default, bounded by the machine's cores; a later deployment can put the jobs on
// Azure Service Bus with competing grader workers behind the same interface.
import { availableParallelism } from "node:os";
import type { Report } from "./report-schema.js";
import { grade, type GradeOptions } from "./grade-lab.js";

export interface GradeQueue {
  /** Grades the job; `onPosition` hears the job's place in the queue (0 = running). */
  submit(job: GradeOptions, onPosition?: (position: number) => void): Promise<Report>;
  /** Jobs waiting, not counting those running. */
  readonly waiting: number;
}

export class InProcessGradeQueue implements GradeQueue {
  private running = 0;
  private queue: Array<{ start: () => void; onPosition?: (position: number) => void }> = [];

  constructor(
    private readonly concurrency = Math.max(1, availableParallelism()),
    private readonly run: (job: GradeOptions) => Promise<Report> = grade,
  ) {}

  get waiting(): number {
    return this.queue.length;
  }

  submit(job: GradeOptions, onPosition?: (position: number) => void): Promise<Report> {
    return new Promise<Report>((resolve, reject) => {
      const start = () => {
        this.running++;
        onPosition?.(0);
        this.run(job)
          .then(resolve, reject)
          .finally(() => {
            this.running--;
            this.next();
          });
      };
      if (this.running < this.concurrency) start();
      else {
        this.queue.push({ start, onPosition });
        onPosition?.(this.queue.length);
      }
    });
  }

  private next(): void {
    const job = this.queue.shift();
    if (!job) return;
    this.queue.forEach((waiting, index) => waiting.onPosition?.(index + 1));
    job.start();
  }
}
