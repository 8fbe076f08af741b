// GET /api/types: the served declarations must be enough for TypeScript, alone, to type-check a learner's file
// the way Monaco's worker will (same files, same compiler options, same virtual paths).
import { describe, expect, it, beforeAll, afterAll } from "vitest";
import Fastify, { type FastifyInstance } from "fastify";
import path from "node:path";
import { createRequire } from "node:module";
import ts from "typescript";
import typesRoutes, { type TypesPayload } from "../../runner/src/server/routes/types.js";

let app: FastifyInstance;
let payload: TypesPayload;

beforeAll(async () => {
  app = Fastify();
  await app.register(typesRoutes);
  const response = await app.inject({ method: "GET", url: "/api/types" });
  expect(response.statusCode).toBe(200);
  payload = response.json<TypesPayload>();
});

afterAll(async () => {
  await app.close();
});

/** Type-checks `source` as file:///labs/demo/exercise.ts against only the served files, like the editor does. */
function diagnosticsFor(source: string): string[] {
  const served = new Map(payload.files.map((file) => [file.path.replace("file://", ""), file.content]));
  const exercise = "/labs/demo/exercise.ts";
  served.set(exercise, source);
  const libDir = path.dirname(createRequire(import.meta.url).resolve("typescript"));
  // The served options are raw TypeScript enum values, exactly what Monaco's worker hands to TypeScript.
  const options = { ...payload.compilerOptions, lib: [...payload.compilerOptions.lib], noEmit: true } as ts.CompilerOptions;
  const readServed = (name: string): string | undefined => {
    if (served.has(name)) return served.get(name);
    // Default libs (lib.es2023.d.ts ...) are built into Monaco's worker; read TypeScript's own copies here.
    if (path.basename(name).startsWith("lib.")) return ts.sys.readFile(path.join(libDir, path.basename(name)));
    return undefined;
  };
  const host: ts.CompilerHost = {
    getSourceFile: (name, languageVersion) => {
      const text = readServed(name);
      return text === undefined ? undefined : ts.createSourceFile(name, text, languageVersion, true);
    },
    getDefaultLibFileName: (opts) => path.join(libDir, ts.getDefaultLibFileName(opts)),
    writeFile: () => undefined,
    getCurrentDirectory: () => "/",
    getCanonicalFileName: (name) => name,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => "\n",
    fileExists: (name) => readServed(name) !== undefined,
    readFile: readServed,
  };
  // Every served file is a root, as in Monaco's worker (extra libs are script files of the program).
  const roots = [...served.keys()].filter((name) => name.endsWith(".ts"));
  const program = ts.createProgram(roots, options, host);
  const file = program.getSourceFile(exercise)!;
  return [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)].map(
    (d) => `TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`,
  );
}

describe("GET /api/types", () => {
  it("serves the SDK entry points, their package.json files and @types/node under file:///node_modules", () => {
    const paths = payload.files.map((file) => file.path);
    expect(paths).toContain("file:///node_modules/@azure/storage-blob/package.json");
    expect(paths).toContain("file:///node_modules/@azure/storage-blob/dist/esm/index.d.ts");
    expect(paths).toContain("file:///node_modules/@azure/service-bus/package.json");
    expect(paths).toContain("file:///node_modules/@types/node/globals.d.ts");
    expect(paths.every((p) => p.startsWith("file:///node_modules/"))).toBe(true);
    expect(paths.some((p) => p.includes("/solution/") || p.startsWith("file:///labs/"))).toBe(false);
  });

  it("serves compiler options for strict ESM TypeScript", () => {
    expect(payload.compilerOptions).toMatchObject({ strict: true, module: 99, moduleResolution: 100, target: 9 });
  });

  it("includes the SDK's doc comments so hovers can show them", () => {
    const declaring = payload.files.find((f) => f.path.includes("storage-blob") && /uploadBlockBlob\(/.test(f.content));
    expect(declaring?.content).toMatch(/\/\*\*[\s\S]*?\*\/\s*uploadBlockBlob\(/);
  });

  it("type-checks correct SDK code with no errors, using only the served files", () => {
    const errors = diagnosticsFor(`
      import { ContainerClient } from "@azure/storage-blob";
      import { ServiceBusClient } from "@azure/service-bus";
      import { DefaultAzureCredential } from "@azure/identity";
      import { SecretClient } from "@azure/keyvault-secrets";
      import { QueueClient } from "@azure/storage-queue";
      export async function upload(containerClient: ContainerClient, name: string, body: string): Promise<string> {
        const result = await containerClient.uploadBlockBlob(name, Buffer.from(body), body.length);
        return result.blockBlobClient.url;
      }
      export function clients(conn: string, vault: string, queue: QueueClient) {
        return [new ServiceBusClient(conn), new SecretClient(vault, new DefaultAzureCredential()), queue.name];
      }
    `);
    expect(errors).toEqual([]);
  });

  it("reports a misspelled SDK method, as the editor underlines it", () => {
    const errors = diagnosticsFor(`
      import type { ContainerClient } from "@azure/storage-blob";
      export async function upload(containerClient: ContainerClient): Promise<void> {
        await containerClient.uploadBlockBlb("a.txt", "hello", 5);
      }
    `);
    expect(errors.join("\n")).toMatch(/TS2551: Property 'uploadBlockBlb' does not exist on type 'ContainerClient'. Did you mean 'uploadBlockBlob'\?/);
  });

  it("answers from its cache the second time", async () => {
    const started = performance.now();
    const again = await app.inject({ method: "GET", url: "/api/types" });
    expect(again.statusCode).toBe(200);
    expect(again.json<TypesPayload>().files.length).toBe(payload.files.length);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it("explains a missing node_modules as a 500 with a hint", async () => {
    const broken = Fastify();
    await broken.register(typesRoutes, { rootDir: path.join(import.meta.dirname, "no-such-root") });
    const response = await broken.inject({ method: "GET", url: "/api/types" });
    await broken.close();
    expect(response.statusCode).toBe(500);
    expect(response.json()).toMatchObject({ hint: expect.stringContaining("npm install") });
  });
});
