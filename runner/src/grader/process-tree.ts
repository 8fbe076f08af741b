// Resident memory of a process group, read from /proc (Linux). Used to stop a grading child whose memory
// outgrows its bound even when the allocation is outside V8's heap (Buffers), where --max-old-space-size can't see it.
import { readdir, readFile } from "node:fs/promises";

const PAGE_SIZE = 4096;

/** Sum of RSS in bytes of every process whose process group id is `pgid`; 0 where /proc is unavailable. */
export async function processGroupRss(pgid: number): Promise<number> {
  let entries: string[];
  try {
    entries = await readdir("/proc");
  } catch {
    return 0;
  }
  let total = 0;
  await Promise.all(
    entries.map(async (entry) => {
      if (!/^\d+$/.test(entry)) return;
      try {
        const stat = await readFile(`/proc/${entry}/stat`, "utf8");
        // Fields after the parenthesised command name: state ppid pgrp ... ; rss is field 24 (1-based).
        const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        if (Number(fields[2]) !== pgid) return;
        total += Number(fields[21]) * PAGE_SIZE;
      } catch {
        // The process ended between readdir and readFile.
      }
    }),
  );
  return total;
}

export function killGroup(pgid: number): void {
  try {
    process.kill(-pgid, "SIGKILL");
  } catch {
    // Already gone.
  }
}
