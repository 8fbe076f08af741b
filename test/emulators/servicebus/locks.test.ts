// Peek-lock behaviour: lock expiry, renewal, a receiver that vanishes mid-lock.
// https://learn.microsoft.com/azure/service-bus-messaging/message-transfers-locks-settlement#peeklock
import { ServiceBusClient, isServiceBusError } from "@azure/service-bus";
import { describe, expect, it } from "vitest";
import { useServiceBus } from "./harness.js";

const sb = useServiceBus();

describe.concurrent("message locks", () => {
  it("redelivers a message whose lock expired, with delivery count + 1", async () => {
    const queue = await sb.queue({ LockDuration: "PT1S" });
    const sender = sb.client.createSender(queue);
    await sender.sendMessages({ body: "slow" });
    // The SDK renews locks on its own by default; turn that off to watch a lock run out.
    const receiver = sb.client.createReceiver(queue, { maxAutoLockRenewalDurationInMs: 0 });
    const [first] = await receiver.receiveMessages(1, { maxWaitTimeInMs: 2_000 });
    expect(first!.deliveryCount).toBe(0);
    const lockedUntil = first!.lockedUntilUtc!.getTime();
    expect(lockedUntil - Date.now()).toBeLessThanOrEqual(1_000);
    // Nothing else is available while the lock holds.
    const [second] = await receiver.receiveMessages(1, { maxWaitTimeInMs: 3_000 });
    expect(second!.body).toBe("slow");
    expect(second!.deliveryCount).toBe(1);
    expect(Date.now()).toBeGreaterThanOrEqual(lockedUntil - 50);
    // The first lock is gone: settling with it fails the way Azure fails it.
    const error = await receiver.completeMessage(first!).catch((e: unknown) => e);
    expect(isServiceBusError(error) && error.code).toBe("MessageLockLost");
    await receiver.completeMessage(second!);
    await receiver.close();
    await sender.close();
  });

  it("renewMessageLock extends lockedUntilUtc and keeps the message locked", async () => {
    const queue = await sb.queue({ LockDuration: "PT2S" });
    const sender = sb.client.createSender(queue);
    await sender.sendMessages({ body: "renew" });
    const receiver = sb.client.createReceiver(queue, { maxAutoLockRenewalDurationInMs: 0 });
    const [message] = await receiver.receiveMessages(1, { maxWaitTimeInMs: 2_000 });
    const before = message!.lockedUntilUtc!.getTime();
    await new Promise((r) => setTimeout(r, 1_000));
    const renewed = await receiver.renewMessageLock(message!);
    expect(renewed.getTime()).toBeGreaterThan(before);
    expect(message!.lockedUntilUtc!.getTime()).toBe(renewed.getTime());
    await new Promise((r) => setTimeout(r, 1_200));
    // Past the original lock: still ours, so completing works.
    await receiver.completeMessage(message!);
    await receiver.close();
    await sender.close();
  });

  it("a receiver that disconnects mid-lock loses nothing: the messages return after the lock expires", async () => {
    const queue = await sb.queue({ LockDuration: "PT1S" });
    const sender = sb.client.createSender(queue);
    await sender.sendMessages([{ body: "x" }, { body: "y" }]);
    const doomed = new ServiceBusClient(sb.emulator.connectionString, { retryOptions: { maxRetries: 0 } });
    const got = await doomed.createReceiver(queue).receiveMessages(2, { maxWaitTimeInMs: 2_000 });
    expect(got).toHaveLength(2);
    await doomed.close();
    const receiver = sb.client.createReceiver(queue);
    const back = await receiver.receiveMessages(2, { maxWaitTimeInMs: 4_000 });
    expect(back.map((m) => m.body).sort()).toEqual(["x", "y"]);
    expect(back.every((m) => m.deliveryCount === 1)).toBe(true);
    for (const m of back) await receiver.completeMessage(m);
    await receiver.close();
    await sender.close();
  });
});
