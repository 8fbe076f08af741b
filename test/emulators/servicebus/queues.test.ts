// Queue basics through the unmodified SDK: send, receive in both modes, settle, peek.
// Semantics: https://learn.microsoft.com/azure/service-bus-messaging/message-transfers-locks-settlement
import { describe, expect, it } from "vitest";
import { useServiceBus } from "./harness.js";

const sb = useServiceBus();

describe.concurrent("queues", () => {
  it("sends one message and receives it in peekLock with the broker's properties", async () => {
    const queue = await sb.queue();
    const sender = sb.client.createSender(queue);
    await sender.sendMessages({
      body: { hello: "world" },
      messageId: "m-1",
      subject: "greeting",
      correlationId: "c-1",
      contentType: "application/json",
      applicationProperties: { region: "eu", priority: 3 },
      timeToLive: 60_000,
    });
    const receiver = sb.client.createReceiver(queue);
    const [message] = await receiver.receiveMessages(1, { maxWaitTimeInMs: 2_000 });
    expect(message).toBeDefined();
    expect(message!.body).toEqual({ hello: "world" });
    expect(message!.messageId).toBe("m-1");
    expect(message!.subject).toBe("greeting");
    expect(message!.correlationId).toBe("c-1");
    expect(message!.contentType).toBe("application/json");
    expect(message!.applicationProperties).toEqual({ region: "eu", priority: 3 });
    expect(message!.deliveryCount).toBe(0);
    expect(message!.sequenceNumber?.toNumber()).toBe(1);
    expect(message!.enqueuedTimeUtc).toBeInstanceOf(Date);
    expect(message!.lockToken).toMatch(/^[0-9a-f-]{36}$/);
    expect(message!.lockedUntilUtc!.getTime()).toBeGreaterThan(Date.now());
    expect(message!.expiresAtUtc!.getTime()).toBe(message!.enqueuedTimeUtc!.getTime() + 60_000);
    await receiver.completeMessage(message!);
    expect(await receiver.receiveMessages(1, { maxWaitTimeInMs: 200 })).toHaveLength(0);
    await receiver.close();
    await sender.close();
  });

  it("receiveAndDelete removes the message as it is received", async () => {
    const queue = await sb.queue();
    const sender = sb.client.createSender(queue);
    await sender.sendMessages([{ body: "a" }, { body: "b" }]);
    const receiver = sb.client.createReceiver(queue, { receiveMode: "receiveAndDelete" });
    const got = await receiver.receiveMessages(2, { maxWaitTimeInMs: 2_000 });
    expect(got.map((m) => m.body)).toEqual(["a", "b"]);
    expect(got[0]!.lockToken).toBeUndefined();
    const peeked = await receiver.peekMessages(10);
    expect(peeked).toHaveLength(0);
    await receiver.close();
    await sender.close();
  });

  it("peek does not lock: a receiver still gets the peeked message", async () => {
    const queue = await sb.queue();
    const sender = sb.client.createSender(queue);
    await sender.sendMessages([{ body: 1 }, { body: 2 }, { body: 3 }]);
    const receiver = sb.client.createReceiver(queue);
    const peeked = await receiver.peekMessages(2);
    expect(peeked.map((m) => m.body)).toEqual([1, 2]);
    expect(peeked[0]!.lockToken).toBeUndefined();
    const next = await receiver.peekMessages(5);
    expect(next.map((m) => m.body)).toEqual([3]);
    const got = await receiver.receiveMessages(3, { maxWaitTimeInMs: 2_000 });
    expect(got.map((m) => m.body)).toEqual([1, 2, 3]);
    for (const m of got) await receiver.completeMessage(m);
    await receiver.close();
    await sender.close();
  });

  it("abandon makes the message available again with delivery count + 1", async () => {
    const queue = await sb.queue();
    const sender = sb.client.createSender(queue);
    await sender.sendMessages({ body: "retry me" });
    const receiver = sb.client.createReceiver(queue);
    const [first] = await receiver.receiveMessages(1, { maxWaitTimeInMs: 2_000 });
    await receiver.abandonMessage(first!, { attempt: 1 });
    const [second] = await receiver.receiveMessages(1, { maxWaitTimeInMs: 2_000 });
    expect(second!.body).toBe("retry me");
    expect(second!.deliveryCount).toBe(1);
    expect(second!.applicationProperties).toEqual({ attempt: 1 });
    await receiver.completeMessage(second!);
    await receiver.close();
    await sender.close();
  });
});
