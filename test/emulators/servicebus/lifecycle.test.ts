// stop() leaves nothing behind: a process that used the emulator exits on its own afterwards.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

describe("emulator lifecycle", () => {
  it("after stop() the process exits by itself, with locks, TTLs and scheduled messages still pending", async () => {
    const script = fileURLToPath(new URL("./fixtures/exit-after-stop.ts", import.meta.url));
    const child = spawn(process.execPath, ["--import", "tsx", script], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | string>((resolve) => {
      const timer = setTimeout(() => {
        child.kill();
        resolve("still running 15 s after start");
      }, 15_000);
      child.on("exit", (c) => {
        clearTimeout(timer);
        resolve(c ?? -1);
      });
    });
    expect(stdout, stderr).toContain("stopped");
    expect(code, stderr).toBe(0);
  }, 30_000);
});
