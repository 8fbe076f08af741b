// One JSON file validated by a zod schema: reads tolerate a missing file (the schema's default), updates are
// serialised within the process and written atomically, and a damaged file is kept aside, never overwritten.
import { rename } from "node:fs/promises";
import type { z } from "zod";
import { AzlabError } from "../errors.js";
import { readJsonFile, writeFileAtomic } from "./atomic-file.js";

export class JsonStore<Schema extends z.ZodType> {
  private chain: Promise<unknown> = Promise.resolve();
  /** Set when a damaged file was moved aside, so the UI can say where it went. */
  recoveredFrom: string | undefined;

  constructor(
    readonly file: string,
    private readonly schema: Schema,
  ) {}

  async read(): Promise<z.output<Schema>> {
    let raw: unknown;
    try {
      raw = await readJsonFile(this.file);
    } catch {
      return this.setAside("it is not valid JSON");
    }
    const parsed = this.schema.safeParse(raw ?? {});
    if (!parsed.success) return this.setAside(parsed.error.issues[0]?.message ?? "unexpected content");
    return parsed.data;
  }

  private async setAside(reason: string): Promise<z.output<Schema>> {
    const aside = `${this.file}.damaged-${Date.now()}`;
    await rename(this.file, aside);
    this.recoveredFrom = aside;
    process.emitWarning(`azlab: ${this.file} could not be read (${reason}); it was kept as ${aside} and starts afresh.`);
    return this.schema.parse({});
  }

  /** Runs `change` on the current value and saves the result; calls run one after another. */
  update<T>(change: (value: z.output<Schema>) => T | Promise<T>): Promise<T> {
    const next = this.chain.then(async () => {
      const value = await this.read();
      const result = await change(value);
      try {
        await writeFileAtomic(this.file, JSON.stringify(value, null, 2) + "\n");
      } catch (error) {
        throw new AzlabError(`Could not save ${this.file}: ${(error as Error).message}`, "Check that the folder is writable and the disk is not full.", 500);
      }
      return result;
    });
    this.chain = next.catch(() => undefined);
    return next;
  }
}
