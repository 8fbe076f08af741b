// GET /api/types: the .d.ts files of the Azure SDKs a lab imports, so the browser editor's TypeScript worker
// can offer the same completions, hovers and errors that the grader's compiler will.
import { readFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import type { FastifyInstance } from "fastify";

/** The SDK packages a lab may import; everything they import is collected with them. */
export const SDK_PACKAGES = [
  "@azure/storage-blob",
  "@azure/storage-queue",
  "@azure/service-bus",
  "@azure/identity",
  "@azure/keyvault-secrets",
] as const;

/**
 * Compiler options for Monaco's TypeScript worker, matching the grader's type check (graderCompilerOptions in
 * runner/src/grader/type-check.ts). Numbers, not names: the worker takes TypeScript's enum values. The grader
 * uses NodeNext; the worker cannot see the lab's package.json "type", so it uses Bundler (100), which for an
 * ESM file resolves package "exports" with the same "types"/"import" conditions.
 */
export const EDITOR_COMPILER_OPTIONS = {
  target: 9, // ES2022
  module: 99, // ESNext
  moduleResolution: 100, // Bundler
  lib: ["lib.es2023.d.ts"], // file names, as TypeScript holds them internally (no DOM: code runs on Node)
  strict: true,
  esModuleInterop: true,
  skipLibCheck: true,
  allowNonTsExtensions: true,
  // No `types`: the worker cannot list directories, and @types/node is already among the files sent.
} as const;

export interface TypeFile {
  /** A file:/// URI mirroring the file's place under the repository, e.g. file:///node_modules/@azure/x/a.d.ts */
  path: string;
  content: string;
}

export interface TypesPayload {
  files: TypeFile[];
  compilerOptions: typeof EDITOR_COMPILER_OPTIONS;
}

/** Node's built-in modules resolve to @types/node, which the editor needs for Buffer, streams and process. */
const NODE_BUILTINS = new Set(["buffer", "stream", "events", "http", "https", "url", "fs", "crypto", "net", "tls", "os", "util", "child_process", "path", "zlib", "dns", "worker_threads", "async_hooks"]);

/** Conditions tried in a package's "exports", in the order TypeScript's Bundler resolution tries them. */
const EXPORT_CONDITIONS = ["types", "import", "default"];

/** Collects declaration files by following imports from the SDK packages' entry points. */
export async function collectSdkTypes(rootDir: string, packages: readonly string[] = SDK_PACKAGES): Promise<TypeFile[]> {
  const files = new Map<string, string>(); // absolute path -> content
  const queue: string[] = [];
  const enqueue = (file: string | null): void => {
    if (file && !files.has(file)) {
      files.set(file, "");
      queue.push(file);
    }
  };

  const addPackage = async (name: string, fromDir: string, subpath = "."): Promise<string | null> => {
    const pkgDir = findPackageDir(name, fromDir, rootDir);
    if (!pkgDir) return null;
    const manifestPath = path.join(pkgDir, "package.json");
    if (!files.has(manifestPath)) files.set(manifestPath, await readFile(manifestPath, "utf8"));
    const manifest = JSON.parse(files.get(manifestPath)!) as PackageManifest;
    return packageEntry(pkgDir, manifest, subpath);
  };

  for (const name of packages) {
    const entry = await addPackage(name, rootDir);
    if (!entry) throw new Error(`${name} is not installed under ${path.join(rootDir, "node_modules")}`);
    enqueue(entry);
  }
  // @types/node is global: the SDKs use Buffer and NodeJS.ReadableStream, and so may a learner.
  enqueue(await addPackage("@types/node", rootDir));

  while (queue.length > 0) {
    const file = queue.shift()!;
    const content = await readFile(file, "utf8");
    files.set(file, content);
    const info = ts.preProcessFile(content, true, true);
    const dir = path.dirname(file);
    for (const ref of info.referencedFiles) enqueue(resolveRelative(dir, ref.fileName));
    for (const ref of info.typeReferenceDirectives) enqueue(await addPackage(`@types/${ref.fileName}`, dir));
    for (const ref of info.importedFiles) {
      const spec = ref.fileName;
      if (spec.startsWith(".")) {
        enqueue(resolveRelative(dir, spec));
      } else {
        const bare = spec.replace(/^node:/, "");
        const { name, subpath } = splitSpecifier(bare);
        if (spec.startsWith("node:") || NODE_BUILTINS.has(name)) continue; // covered by @types/node's globals
        enqueue(await addPackage(name, dir, subpath));
      }
    }
  }

  return [...files.entries()]
    .filter(([, content]) => content !== "")
    .map(([file, content]) => ({ path: toVirtualUri(rootDir, file), content }))
    .sort((a, b) => a.path.localeCompare(b.path));
}

interface PackageManifest {
  types?: string;
  typings?: string;
  exports?: unknown;
}

/** Finds node_modules/<name> walking up from `fromDir` to `rootDir`, as Node and TypeScript do. */
function findPackageDir(name: string, fromDir: string, rootDir: string): string | null {
  let dir = fromDir;
  for (;;) {
    const candidate = path.join(dir, "node_modules", name);
    if (existsSync(path.join(candidate, "package.json"))) return candidate;
    if (dir === rootDir || path.dirname(dir) === dir) return null;
    dir = path.dirname(dir);
  }
}

/** The declaration entry for a package subpath: "exports" first (as Bundler resolution does), then types/typings. */
function packageEntry(pkgDir: string, manifest: PackageManifest, subpath: string): string | null {
  if (manifest.exports && typeof manifest.exports === "object") {
    const exportsMap = manifest.exports as Record<string, unknown>;
    const target = pickCondition(subpath in exportsMap ? exportsMap[subpath] : subpath === "." ? exportsMap : undefined);
    if (target) return resolveRelative(pkgDir, target);
  }
  if (subpath !== ".") return resolveRelative(pkgDir, subpath);
  const entry = manifest.types ?? manifest.typings;
  return resolveRelative(pkgDir, entry ?? "index.d.ts");
}

function pickCondition(value: unknown): string | null {
  if (typeof value === "string") return /\.d\.[cm]?ts$/.test(value) ? value : value.replace(/\.[cm]?js$/, ".d.ts");
  if (!value || typeof value !== "object" || Array.isArray(value)) return null;
  const record = value as Record<string, unknown>;
  for (const condition of EXPORT_CONDITIONS) {
    if (condition in record) {
      const picked = pickCondition(record[condition]);
      if (picked) return picked;
    }
  }
  return null;
}

/** Resolves "./x.js", "./x" or "./dir" to the declaration file TypeScript would pick, or null if none exists. */
function resolveRelative(dir: string, spec: string): string | null {
  const base = path.resolve(dir, spec);
  const stem = base.replace(/\.(d\.)?([cm]?)(ts|js)$/, "");
  const candidates = [
    base.endsWith(".d.ts") || base.endsWith(".d.mts") || base.endsWith(".d.cts") ? base : null,
    /\.[cm]js$/.test(base) ? `${stem}.d.${base.endsWith(".mjs") ? "mts" : "cts"}` : null,
    `${stem}.d.ts`,
    path.join(base, "index.d.ts"),
  ];
  for (const candidate of candidates) if (candidate && existsSync(candidate)) return candidate;
  return null;
}

function splitSpecifier(spec: string): { name: string; subpath: string } {
  const parts = spec.split("/");
  const nameParts = spec.startsWith("@") ? parts.slice(0, 2) : parts.slice(0, 1);
  const rest = parts.slice(nameParts.length);
  return { name: nameParts.join("/"), subpath: rest.length ? `./${rest.join("/")}` : "." };
}

function toVirtualUri(rootDir: string, file: string): string {
  return `file:///${path.relative(rootDir, file).split(path.sep).join("/")}`;
}

/** The repository root: two levels above runner/src/server/routes. node_modules is hoisted there. */
const DEFAULT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");

export interface TypesRoutesOptions {
  /** Where node_modules lives; defaults to the repository root. */
  rootDir?: string;
}

export default async function typesRoutes(app: FastifyInstance, options: TypesRoutesOptions = {}): Promise<void> {
  const rootDir = options.rootDir ?? DEFAULT_ROOT;
  // Collected once per process: the installed packages do not change while the server runs.
  let cached: Promise<TypesPayload> | null = null;
  const load = (): Promise<TypesPayload> => {
    cached ??= collectSdkTypes(rootDir).then((files) => ({ files, compilerOptions: EDITOR_COMPILER_OPTIONS }));
    cached.catch(() => {
      cached = null; // a failed read (e.g. packages mid-install) is retried on the next request
    });
    return cached;
  };

  app.get("/api/types", async (_request, reply) => {
    try {
      const payload = await load();
      void reply.header("cache-control", "no-cache");
      return payload;
    } catch (error) {
      return reply.code(500).send({
        error: `Could not read the Azure SDK type declarations: ${(error as Error).message}`,
        hint: "Run `npm install` at the repository root, then reload the page.",
      });
    }
  });
}
