// Volume and concurrency: batches, subscribe() with concurrent handlers, many connections at once.
import { ServiceBusClient, type ServiceBusReceivedMessage } from "@azure/service-bus";
import { describe, expect, it } from "vitest";
import { getEntityCounts } from "../../../runner/src/emulators/servicebus/management/admin-client.js";
import { eventually, useServiceBus } from "./harness.js";

const sb = useServiceBus();

describe("volume and concurrency", () => {
  it("1,000 messages sent in batches all arrive exactly once", async () => {
    const queue = await sb.queue();
    const sender = sb.client.createSender(queue);
    let sent = 0;
    while (sent < 1_000) {
      const batch = await sender.createMessageBatch();
      while (sent < 1_000 && batch.tryAddMessage({ body: { n: sent }, messageId: `m-${sent}` })) sent++;
      await sender.sendMessages(batch);
    }
    const receiver = sb.client.createReceiver(queue);
    const seen = new Map<number, number>();
    while (seen.size < 1_000) {
      const got = await receiver.receiveMessages(250, { maxWaitTimeInMs: 2_000 });
      expect(got.length).toBeGreaterThan(0);
      for (const m of got) {
        const n = (m.body as { n: number }).n;
        seen.set(n, (seen.get(n) ?? 0) + 1);
        await receiver.completeMessage(m);
      }
    }
    expect([...seen.values()].every((count) => count === 1)).toBe(true);
    expect(await receiver.receiveMessages(1, { maxWaitTimeInMs: 200 })).toHaveLength(0);
    await receiver.close();
    await sender.close();
  });

  it("subscribe() with maxConcurrentCalls 10 runs handlers in parallel and completes every message", async () => {
    const queue = await sb.queue();
    const sender = sb.client.createSender(queue);
    await sender.sendMessages(Array.from({ length: 50 }, (_, i) => ({ body: i })));
    const receiver = sb.client.createReceiver(queue);
    let inFlight = 0;
    let maxInFlight = 0;
    const handled = new Set<number>();
    const subscription = receiver.subscribe(
      {
        async processMessage(message: ServiceBusReceivedMessage) {
          inFlight++;
          maxInFlight = Math.max(maxInFlight, inFlight);
          await new Promise((r) => setTimeout(r, 20));
          handled.add(message.body as number);
          inFlight--;
        },
        async processError() {},
      },
      { maxConcurrentCalls: 10 },
    );
    await eventually(() => handled.size === 50, 10_000, "50 handled messages");
    await subscription.close();
    expect(maxInFlight).toBe(10);
    await eventually(async () => (await getEntityCounts(sb.emulator.adminUrl, queue)).totalMessageCount === 0, 5_000, "auto-complete");
    await receiver.close();
    await sender.close();
  });

  it("serves 150 concurrent connections, each with its own receiver (competing consumers)", async () => {
    const queue = await sb.queue();
    const clients = Array.from({ length: 150 }, () => new ServiceBusClient(sb.emulator.connectionString, { retryOptions: { maxRetries: 0 } }));
    const receivers = clients.map((c) => c.createReceiver(queue, { receiveMode: "receiveAndDelete" }));
    const receiving = receivers.map((r) => r.receiveMessages(1, { maxWaitTimeInMs: 20_000 }));
    await eventually(() => sb.emulator.connectionCount() >= 150, 20_000, "150 connections");
    const sender = sb.client.createSender(queue);
    await sender.sendMessages(Array.from({ length: 150 }, (_, i) => ({ body: i })));
    const results = await Promise.all(receiving);
    const bodies = results.flat().map((m) => m.body as number);
    expect(bodies.sort((a, b) => a - b)).toEqual(Array.from({ length: 150 }, (_, i) => i));
    expect(results.every((r) => r.length === 1)).toBe(true);
    await Promise.all(clients.map((c) => c.close()));
    await sender.close();
  }, 60_000);
});
