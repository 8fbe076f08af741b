// /api/content/patterns and /api/content/search-documents: the pattern pages and what the site's search indexes.
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { Lab } from "../../catalog/index.js";
import { loadPatternPages } from "../../content/pattern-pages.js";
import { searchDocuments } from "../../content/search-documents.js";
import { AzlabError } from "../../errors.js";

export default async function libraryRoutes(app: FastifyInstance, options: { contentDir: string; labs: readonly Lab[] }): Promise<void> {
  app.get("/api/content/patterns", async () => ({ patterns: (await loadPatternPages(options.contentDir)).map((page) => page.meta) }));

  app.get("/api/content/patterns/:id", async (request) => {
    const { id } = z.object({ id: z.string().min(1).max(100) }).parse(request.params);
    const page = (await loadPatternPages(options.contentDir)).find((p) => p.meta.id === id);
    if (!page) throw new AzlabError(`No pattern page "${id}"`, "GET /api/content/patterns lists them.", 404);
    return page;
  });

  app.get("/api/content/search-documents", async () => ({ documents: await searchDocuments(options.contentDir, options.labs) }));
}
