// Serves the built site (site/dist) with a fallback to index.html for the site's own routes. Before the site
// is built, / says how to build it.
import { existsSync } from "node:fs";
import { join } from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";

/** Returns true when the built site is served (and so client-side routes fall back to index.html). */
export async function registerSite(app: FastifyInstance, siteDist: string): Promise<boolean> {
  const index = join(siteDist, "index.html");
  if (!existsSync(index)) {
    app.get("/", async (_request, reply) =>
      reply.type("text/plain").send("The azlab site is not built yet. Run `npm run build -w site` (npm start does it for you), then reload."),
    );
    return false;
  }
  await app.register(fastifyStatic, { root: siteDist, wildcard: false, index: ["index.html"], maxAge: 0 });
  return true;
}
