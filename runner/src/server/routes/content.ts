// GET /api/content/cheat-sheet: the cheat sheet markdown (content/cheat-sheet.md), rendered by the site.
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { FastifyInstance } from "fastify";

export interface ContentRoutesOptions {
  /** The repository root; content/ lives directly under it. */
  repoRoot: string;
}

export default async function contentRoutes(app: FastifyInstance, options: ContentRoutesOptions): Promise<void> {
  const file = path.join(options.repoRoot, "content", "cheat-sheet.md");

  // Read on every request (it is small): an author editing the file sees the change on reload.
  app.get("/api/content/cheat-sheet", async (_request, reply) => {
    try {
      return { markdown: await readFile(file, "utf8") };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") {
        return reply.code(404).send({
          error: "The cheat sheet has not been written yet (content/cheat-sheet.md is missing).",
          hint: "Create content/cheat-sheet.md in the repository, then reload the page.",
        });
      }
      return reply.code(500).send({
        error: `Could not read content/cheat-sheet.md: ${(error as Error).message}`,
        hint: "Check the file's permissions, then reload the page.",
      });
    }
  });
}
