// Builds the fastify app: API routes, the built site, JSON errors. Tests use it with app.inject().
import { join } from "node:path";
import Fastify, { type FastifyInstance } from "fastify";
import type { Workbench } from "../workbench/index.js";
import { installErrorHandler } from "./error-handler.js";
import contentRoutes from "./routes/content.js";
import labsRoutes from "./routes/labs.js";
import progressRoutes from "./routes/progress.js";
import libraryRoutes from "./routes/library.js";
import practiceRoutes from "./routes/practice.js";
import typesRoutes from "./routes/types.js";
import { PracticeService } from "../practice/index.js";
import { registerSite } from "./static-site.js";

export interface AppOptions {
  workbench: Workbench;
  /** Built site folder; default site/dist in the repository. */
  siteDist?: string;
  logger?: boolean;
  /** Interview practice; default: over the repository's content/ with state in .azlab/. */
  practice?: PracticeService;
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { workbench } = options;
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: 1024 * 1024 });
  // sendBeacon sends drafts as text/plain; routes parse it as JSON themselves.
  app.addContentTypeParser("text/plain", { parseAs: "string" }, (_request, body, done) => done(null, body));
  const spaFallback = await registerSite(app, options.siteDist ?? join(workbench.paths.root, "site", "dist"));
  installErrorHandler(app, { spaFallback });
  await app.register(labsRoutes, { workbench });
  await app.register(progressRoutes, { workbench });
  await app.register(contentRoutes, { repoRoot: workbench.paths.root });
  await app.register(typesRoutes, { rootDir: workbench.paths.root });
  await app.register(libraryRoutes, { contentDir: workbench.paths.contentDir, labs: workbench.catalog.labs });
  await app.register(practiceRoutes, { practice: options.practice ?? new PracticeService(workbench.paths.contentDir, workbench.paths.azlabDir) });
  return app;
}
