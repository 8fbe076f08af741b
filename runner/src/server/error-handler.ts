// Every error leaves the API as JSON { error, hint } with a 4xx/5xx status; expected errors carry no stack.
import type { FastifyError, FastifyInstance } from "fastify";
import { ZodError } from "zod";
import { isAzlabError } from "../errors.js";

export function installErrorHandler(app: FastifyInstance, options: { spaFallback: boolean }): void {
  app.setErrorHandler((error: FastifyError | Error, request, reply) => {
    if (isAzlabError(error)) {
      const extra = (error as unknown as { file?: unknown }).file;
      return reply.code(error.statusCode).send({ error: error.message, hint: error.hint, ...(extra ? { file: extra } : {}) });
    }
    if (error instanceof ZodError) {
      const issue = error.issues[0]!;
      return reply.code(400).send({ error: `Invalid request: ${issue.path.join(".") || "body"}: ${issue.message}`, hint: "See the API description in DESIGN.md." });
    }
    const fastifyError = error as FastifyError;
    if (fastifyError.statusCode && fastifyError.statusCode < 500) {
      const hint = fastifyError.code === "FST_ERR_CTP_BODY_TOO_LARGE" ? "Send less than 1 MiB." : "Check the request's method, path and JSON body.";
      return reply.code(fastifyError.statusCode).send({ error: fastifyError.message, hint });
    }
    request.log.error(error);
    return reply.code(500).send({ error: `Internal error: ${error.message}`, hint: "This is a bug in azlab: the server log has details." });
  });
  app.setNotFoundHandler((request, reply) => {
    // Client-side routes (/labs/x, /cheat-sheet) get the site's shell; the site shows its own 404 page.
    if (options.spaFallback && request.method === "GET" && !request.url.startsWith("/api/")) {
      return reply.type("text/html").sendFile("index.html");
    }
    return reply.code(404).send({ error: `No API route ${request.method} ${request.url}`, hint: "The API lives under /api; see DESIGN.md." });
  });
}
