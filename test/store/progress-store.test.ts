import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Backups, ProgressStore } from "../../runner/src/store/index.js";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "azlab-store-"));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe("progress store", () => {
  it("starts empty and keeps what was written, leaving no temp files", async () => {
    const store = new ProgressStore(dir);
    expect(await store.read()).toEqual({ version: 1, labs: {} });
    await store.updateLab("blob-storage", (lab) => {
      lab.hintsRevealed = 2;
    });
    expect((await new ProgressStore(dir).lab("blob-storage")).hintsRevealed).toBe(2);
    expect(await readdir(dir)).toEqual(["progress.json"]);
  });

  it("serialises concurrent updates so none is lost", async () => {
    const store = new ProgressStore(dir);
    await Promise.all(Array.from({ length: 25 }, () => store.updateLab("lab", (lab) => void (lab.attempts += 1))));
    expect((await store.lab("lab")).attempts).toBe(25);
  });

  it("keeps a damaged file aside instead of overwriting it", async () => {
    await writeFile(join(dir, "progress.json"), "{ not json");
    const store = new ProgressStore(dir);
    await store.updateLab("lab", (lab) => void (lab.attempts = 1));
    const files = await readdir(dir);
    const aside = files.find((name) => name.startsWith("progress.json.damaged-"))!;
    expect(await readFile(join(dir, aside), "utf8")).toBe("{ not json");
    expect(store.recoveredFrom).toBe(join(dir, aside));
  });

  it("rejects an invalid replacement with the field that is wrong", async () => {
    const store = new ProgressStore(dir);
    await expect(store.replace({ labs: { x: { attempts: -1 } } })).rejects.toThrow(/labs\.x\.attempts/);
  });
});

describe("backups", () => {
  it("never overwrites a backup taken in the same millisecond and lists newest first", async () => {
    const backups = new Backups(dir);
    const at = new Date("2026-01-02T03:04:05.678Z");
    const first = await backups.save("lab", "one", at);
    const second = await backups.save("lab", "two", at);
    expect(first).not.toBe(second);
    const list = await backups.list("lab");
    expect(list.map((b) => b.createdAt)).toEqual(["2026-01-02T03:04:05.678Z", "2026-01-02T03:04:05.678Z"]);
    expect(await backups.read("lab", list[1]!.name)).toBe("one");
    await expect(backups.read("lab", "../../etc/passwd")).rejects.toThrow(/No backup named/);
  });
});
