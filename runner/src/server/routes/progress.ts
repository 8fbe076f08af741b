// /api/progress: the whole progress store, read and replaced.
import type { FastifyInstance } from "fastify";
import type { Workbench } from "../../workbench/index.js";

export default async function progressRoutes(app: FastifyInstance, options: { workbench: Workbench }): Promise<void> {
  const { store } = options.workbench;
  app.get("/api/progress", async () => store.read());
  app.put("/api/progress", async (request) => store.replace(request.body));
}
