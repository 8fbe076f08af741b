// The unmodified ServiceBusAdministrationClient (ATOM over HTTPS on the namespace port), which Microsoft's
// emulator cannot serve. It runs in a child process because Node reads NODE_EXTRA_CA_CERTS only at start.
// https://learn.microsoft.com/javascript/api/@azure/service-bus/servicebusadministrationclient
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { useServiceBus } from "./harness.js";

const sb = useServiceBus();

describe("ServiceBusAdministrationClient", () => {
  it("creates, inspects, lists and deletes queues, topics, subscriptions and rules", async () => {
    expect(sb.emulator.env.NODE_EXTRA_CA_CERTS).toBeDefined();
    const script = fileURLToPath(new URL("./fixtures/administration-client.ts", import.meta.url));
    const child = spawn(process.execPath, ["--import", "tsx", script], {
      env: { ...process.env, ...sb.emulator.env, SUFFIX: randomBytes(4).toString("hex") },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(code, stderr).toBe(0);
    const seen = JSON.parse(stdout) as Record<string, unknown>;
    expect(seen.created).toMatchObject({ lockDuration: "PT45S", maxDeliveryCount: 4 });
    expect(seen.exists).toBe(true);
    expect(seen.missing).toBe(false);
    expect(seen.duplicate).toEqual({ code: "MessageEntityAlreadyExistsError", statusCode: 409 });
    expect(seen.runtime).toEqual({ activeMessageCount: 2, totalMessageCount: 2 });
    expect(seen.listed).toBe(true);
    expect(seen.rules).toEqual(["eu-only:region = 'eu'", "vip:vip"]);
    expect(seen.routed).toEqual(["eu", "vip"]);
    expect(seen.subscription).toMatchObject({ name: "eu", lockDuration: "PT1M" });
    expect(seen.deleted).toBe(true);
  }, 60_000);
});
