// Scheduled messages and deferral.
// https://learn.microsoft.com/azure/service-bus-messaging/message-sequencing#scheduled-messages
// https://learn.microsoft.com/azure/service-bus-messaging/message-deferral
import { isServiceBusError } from "@azure/service-bus";
import { describe, expect, it } from "vitest";
import { useServiceBus } from "./harness.js";

const sb = useServiceBus();

describe.concurrent("scheduled messages", () => {
  it("a scheduled message appears at its time and not before", async () => {
    const queue = await sb.queue();
    const sender = sb.client.createSender(queue);
    const at = new Date(Date.now() + 3_000);
    const [sequenceNumber] = await sender.scheduleMessages({ body: "later" }, at);
    expect(sequenceNumber!.toNumber()).toBeGreaterThan(0);
    const receiver = sb.client.createReceiver(queue);
    const [peeked] = await receiver.peekMessages(1);
    expect(peeked!.state).toBe("scheduled");
    expect(peeked!.scheduledEnqueueTimeUtc?.getTime()).toBe(at.getTime());
    expect(await receiver.receiveMessages(1, { maxWaitTimeInMs: 300 })).toHaveLength(0);
    const [message] = await receiver.receiveMessages(1, { maxWaitTimeInMs: 6_000 });
    expect(Date.now()).toBeGreaterThanOrEqual(at.getTime());
    expect(message!.body).toBe("later");
    expect(message!.enqueuedTimeUtc!.getTime()).toBeGreaterThanOrEqual(at.getTime());
    await receiver.completeMessage(message!);
    await receiver.close();
    await sender.close();
  });

  it("a message sent with scheduledEnqueueTimeUtc waits the same way", async () => {
    const queue = await sb.queue();
    const sender = sb.client.createSender(queue);
    const receiver = sb.client.createReceiver(queue, { receiveMode: "receiveAndDelete" });
    // Open both links first so the timing below measures the broker, not link set-up.
    expect(await receiver.receiveMessages(1, { maxWaitTimeInMs: 50 })).toHaveLength(0);
    await sender.sendMessages({ body: "warm-up" });
    expect(await receiver.receiveMessages(1, { maxWaitTimeInMs: 2_000 })).toHaveLength(1);
    const at = new Date(Date.now() + 1_500);
    await sender.sendMessages({ body: "via property", scheduledEnqueueTimeUtc: at });
    expect(await receiver.receiveMessages(1, { maxWaitTimeInMs: 200 })).toHaveLength(0);
    const [message] = await receiver.receiveMessages(1, { maxWaitTimeInMs: 4_000 });
    expect(message!.body).toBe("via property");
    expect(Date.now()).toBeGreaterThanOrEqual(at.getTime());
    await receiver.close();
    await sender.close();
  });

  it("cancelScheduledMessages removes a scheduled message", async () => {
    const queue = await sb.queue();
    const sender = sb.client.createSender(queue);
    const at = new Date(Date.now() + 2_000);
    const [keep, drop] = await sender.scheduleMessages([{ body: "keep" }, { body: "drop" }], at);
    await sender.cancelScheduledMessages(drop!);
    const receiver = sb.client.createReceiver(queue, { receiveMode: "receiveAndDelete" });
    const peeked = await receiver.peekMessages(10);
    expect(peeked.map((m) => [m.body, m.state])).toEqual([["keep", "scheduled"]]);
    const got = await receiver.receiveMessages(1, { maxWaitTimeInMs: 5_000 });
    expect(got.map((m) => m.body)).toEqual(["keep"]);
    expect(got[0]!.sequenceNumber!.toNumber()).toBe(keep!.toNumber());
    expect(await receiver.peekMessages(10)).toHaveLength(0);
    await receiver.close();
    await sender.close();
  });
});

describe.concurrent("deferred messages", () => {
  it("a deferred message is received again only by its sequence number", async () => {
    const queue = await sb.queue();
    const sender = sb.client.createSender(queue);
    await sender.sendMessages([{ body: "step 2" }, { body: "step 1" }]);
    const receiver = sb.client.createReceiver(queue);
    const [first] = await receiver.receiveMessages(1, { maxWaitTimeInMs: 2_000 });
    expect(first!.body).toBe("step 2");
    await receiver.deferMessage(first!);
    const [second] = await receiver.receiveMessages(1, { maxWaitTimeInMs: 2_000 });
    expect(second!.body).toBe("step 1");
    await receiver.completeMessage(second!);
    expect(await receiver.receiveMessages(1, { maxWaitTimeInMs: 300 })).toHaveLength(0);
    const [peeked] = await receiver.peekMessages(1, { fromSequenceNumber: first!.sequenceNumber! });
    expect(peeked!.state).toBe("deferred");
    const [deferred] = await receiver.receiveDeferredMessages(first!.sequenceNumber!);
    expect(deferred!.body).toBe("step 2");
    expect(deferred!.state).toBe("deferred");
    expect(deferred!.lockToken).toBeDefined();
    await receiver.completeMessage(deferred!);
    // Azure answers a request for a settled deferred message with MessageNotFound.
    const error = await receiver.receiveDeferredMessages(first!.sequenceNumber!).catch((e: unknown) => e);
    expect(isServiceBusError(error) && error.code).toBe("MessageNotFound");
    await receiver.close();
    await sender.close();
  });
});
