// While a team session runs, every request must carry a token (header x-azlab-token, cookie azlab_token, or
// ?t= on a link): the host's token opens everything; a participant's token opens the site, the SDK typings
// and the participant's team routes; the join link's token lets a person choose a name and nothing else.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Caller, TeamService } from "../team/team-service.js";

declare module "fastify" {
  interface FastifyRequest {
    teamCaller?: Caller | null;
  }
}

export const TOKEN_COOKIE = "azlab_token";

export function tokenOf(request: { headers: Record<string, string | string[] | undefined>; url: string }): string | undefined {
  const header = request.headers["x-azlab-token"];
  if (typeof header === "string" && header) return header;
  const query = new URL(request.url, "http://local").searchParams.get("t");
  if (query) return query;
  const cookie = request.headers.cookie;
  if (typeof cookie === "string") {
    for (const part of cookie.split(";")) {
      const [name, ...value] = part.trim().split("=");
      if (name === TOKEN_COOKIE) return decodeURIComponent(value.join("="));
    }
  }
  return undefined;
}

const PARTICIPANT_ROUTES = [/^GET \/api\/types$/, /^GET \/api\/team\/(info|state|ws)$/, /^PUT \/api\/team\/draft$/, /^POST \/api\/team\/(submit|draft)$/];
const JOINER_ROUTES = [/^GET \/api\/team\/info$/, /^POST \/api\/team\/join$/];

function allowed(caller: Caller, method: string, path: string): boolean {
  if (caller.role === "host") return true;
  if (!path.startsWith("/api/")) return true; // the site's static files
  const route = `${method} ${path}`;
  return (caller.role === "participant" ? PARTICIPANT_ROUTES : JOINER_ROUTES).some((pattern) => pattern.test(route));
}

export function isLoopback(address: string | undefined): boolean {
  return address === "127.0.0.1" || address === "::1" || address === "::ffff:127.0.0.1";
}

export function installTeamAuth(app: FastifyInstance, team: TeamService): void {
  app.addHook("onRequest", async (request: FastifyRequest, reply: FastifyReply) => {
    if (!team.active) {
      request.teamCaller = null;
      return;
    }
    const token = tokenOf(request);
    const caller = team.identify(token);
    request.teamCaller = caller;
    const path = request.url.split("?")[0]!;
    if (!caller) {
      return reply.code(401).send({
        error: "A team session is running on this azlab server: requests need its token",
        hint: "Open the join link the host shared (it carries the token).",
      });
    }
    if (!allowed(caller, request.method, path)) {
      return reply.code(403).send({ error: "Only the host can do this during a team session", hint: "Ask the host." });
    }
    // A link with ?t= leaves the token in a cookie so the site's assets and API calls carry it.
    if (new URL(request.url, "http://local").searchParams.has("t") && token) {
      void reply.header("set-cookie", `${TOKEN_COOKIE}=${encodeURIComponent(token)}; Path=/; HttpOnly; SameSite=Strict`);
    }
  });
}
