// Child process for the Service Bus bench: hosts the emulator (as the azlab server does) and a bare rhea
// receiver, so the SDK client under test runs in another process, as a learner's code does when graded.
import rhea from "rhea";
import type { Server } from "node:net";
import { start } from "../runner/src/emulators/servicebus/index.js";
import { createQueue } from "../runner/src/emulators/servicebus/management/admin-client.js";

const emulator = await start();
for (const name of process.argv.slice(2)) await createQueue(emulator.adminUrl, name);

// Bare rhea: accepts every message on any link, settling as the broker does.
const bare = rhea.create_container({ id: "bench-bare-server" });
const listener = bare.listen({ port: 0, host: "127.0.0.1" } as never) as unknown as Server;
await new Promise<void>((resolve) => listener.once("listening", () => resolve()));

process.stdout.write(
  JSON.stringify({ connectionString: emulator.connectionString, barePort: (listener.address() as { port: number }).port }) + "\n",
);
process.on("message", (message) => {
  if (message === "connections") process.send?.({ connections: emulator.connectionCount() });
});
process.on("disconnect", () => {
  listener.close();
  void emulator.stop().then(() => process.exit(0));
});
