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
import teamRoutes from "./routes/team.js";
import { installTeamAuth } from "./team-auth.js";
import { installTeamSocket } from "./team-socket.js";
import { TeamService } from "../team/team-service.js";

export interface AppOptions {
  workbench: Workbench;
  /** Built site folder; default site/dist in the repository. */
  siteDist?: string;
  logger?: boolean;
  /** Interview practice; default: over the repository's content/ with state in .azlab/. */
  practice?: PracticeService;
  /** Addresses others can open when the server listens beyond loopback (for join links). */
  publicUrls?: () => string[];
}

declare module "fastify" {
  interface FastifyInstance {
    team: TeamService;
  }
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { workbench } = options;
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: 1024 * 1024 });
  // sendBeacon sends drafts as text/plain; routes parse it as JSON themselves.
  app.addContentTypeParser("text/plain", { parseAs: "string" }, (_request, body, done) => done(null, body));
  const practice = options.practice ?? new PracticeService(workbench.paths.contentDir, workbench.paths.azlabDir);
  // A team session left running (server restart) resumes, tokens and all.
  const team = new TeamService(workbench.paths.azlabDir, workbench, practice);
  await team.resume();
  app.decorate("team", team);
  app.addHook("onClose", async () => team.close());
  installTeamAuth(app, team);
  const spaFallback = await registerSite(app, options.siteDist ?? join(workbench.paths.root, "site", "dist"));
  installErrorHandler(app, { spaFallback });
  await app.register(labsRoutes, { workbench });
  await app.register(progressRoutes, { workbench });
  await app.register(contentRoutes, { repoRoot: workbench.paths.root });
  await app.register(typesRoutes, { rootDir: workbench.paths.root });
  await app.register(libraryRoutes, { contentDir: workbench.paths.contentDir, labs: workbench.catalog.labs });
  await app.register(practiceRoutes, { practice });
  await app.register(teamRoutes, { team, publicUrls: options.publicUrls ?? (() => []) });
  installTeamSocket(app, team);
  return app;
}
