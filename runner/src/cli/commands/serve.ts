import { join } from "node:path";
import { repoPaths } from "../../repo-paths.js";
import { DEFAULT_PORT, startServer } from "../../server/index.js";
import { colors as c, spinner } from "../output.js";
import { buildSite, siteIsStale } from "../site-build.js";

export interface ServeOptions {
  port?: string;
  host?: string;
  build?: boolean;
}

export async function serveCommand(options: ServeOptions): Promise<number> {
  const paths = repoPaths();
  const siteDir = join(paths.root, "site");
  if (options.build !== false && (await siteIsStale(siteDir))) {
    console.error(c.dim("Building the site (first start, or its sources changed)..."));
    await buildSite(paths.root);
  }
  const progress = spinner("Starting emulators and the server").start();
  const port = options.port === undefined ? DEFAULT_PORT : Number(options.port);
  const server = await startServer({ repoRoot: paths.root, host: options.host, port, warmEmulators: true }).finally(() => progress.stop());
  console.log(`${c.green("azlab is running")} at ${c.bold(server.url)}`);
  if (options.host && options.host !== "127.0.0.1" && options.host !== "localhost") {
    console.log(c.yellow(`Listening on ${options.host}: other machines on your network can reach it.`));
  }
  console.log(c.dim("Press Ctrl-C to stop."));
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  await server.close();
  return 0;
}
