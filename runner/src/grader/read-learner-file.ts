// Reads a learner's source file, refusing what is not UTF-8 text with a message that says how to fix it.
import { readFile } from "node:fs/promises";
import { AzlabError } from "../errors.js";

const decoder = new TextDecoder("utf-8", { fatal: true });

export async function readLearnerFile(path: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      throw new AzlabError(`${path} does not exist`, "Restore the starter with `azlab reset <lab>`.", 404);
    }
    throw error;
  }
  try {
    return decoder.decode(bytes);
  } catch {
    throw new AzlabError(`${path} is not UTF-8 text`, "Save the file as UTF-8 in your editor, then run the tests again.", 422);
  }
}
