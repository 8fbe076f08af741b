import { join } from "node:path";
import { repoPaths } from "../../repo-paths.js";
import { DEFAULT_PORT, isLoopbackHost, lanUrls, startServer } from "../../server/index.js";
import { colors as c, spinner } from "../output.js";
import { buildSite, siteIsStale } from "../site-build.js";

export interface ServeOptions {
  port?: string;
  host?: string;
  build?: boolean;
  /** Start a team session: true, or its title. */
  team?: boolean | string;
  pair?: boolean;
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
  const team = options.team || options.pair ? { title: typeof options.team === "string" ? options.team : undefined, mode: options.pair ? ("pair" as const) : ("group" as const) } : undefined;
  const server = await startServer({ repoRoot: paths.root, host: options.host, port, warmEmulators: true, team }).finally(() => progress.stop());
  console.log(`${c.green("azlab is running")} at ${c.bold(server.url)}`);
  const session = server.app.team.active;
  if (session) {
    const joinPath = `/team/join?t=${encodeURIComponent(session.joinToken)}`;
    const bases = options.host && !isLoopbackHost(options.host) ? lanUrls(options.host, Number(new URL(server.url).port)) : [server.url];
    console.log(c.bold(`\n${session.mode === "pair" ? "Pair interview" : "Team session"} "${session.title}" is open.`));
    console.log(`Participants join at: ${bases.map((base) => c.bold(base + joinPath)).join("  or  ")}`);
    console.log(`Host dashboard (keep this link to yourself): ${c.bold(`${server.url}/team?t=${encodeURIComponent(session.hostToken)}`)}`);
    if (!options.host || isLoopbackHost(options.host)) console.log(c.dim("Only this machine can connect; add --host 0.0.0.0 to let colleagues on your network join."));
  }
  console.log(c.dim("Press Ctrl-C to stop."));
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  await server.close();
  return 0;
}

