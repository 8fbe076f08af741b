// Dead-lettering: MaxDeliveryCount, explicit dead-letter, TTL expiry.
// https://learn.microsoft.com/azure/service-bus-messaging/service-bus-dead-letter-queues
import { describe, expect, it } from "vitest";
import { eventually, useServiceBus } from "./harness.js";
import { getEntityCounts } from "../../../runner/src/emulators/servicebus/management/admin-client.js";

const sb = useServiceBus();

describe.concurrent("dead-letter queue", () => {
  it("the 4th delivery of a message with MaxDeliveryCount 3 lands in the DLQ as MaxDeliveryCountExceeded", async () => {
    const queue = await sb.queue({ MaxDeliveryCount: 3 });
    const sender = sb.client.createSender(queue);
    await sender.sendMessages({ body: "poison", messageId: "p-1" });
    const receiver = sb.client.createReceiver(queue);
    for (let attempt = 0; attempt < 3; attempt++) {
      const [m] = await receiver.receiveMessages(1, { maxWaitTimeInMs: 2_000 });
      expect(m!.deliveryCount).toBe(attempt);
      await receiver.abandonMessage(m!);
    }
    expect(await receiver.receiveMessages(1, { maxWaitTimeInMs: 300 })).toHaveLength(0);
    const dlq = sb.client.createReceiver(queue, { subQueueType: "deadLetter" });
    const [dead] = await dlq.receiveMessages(1, { maxWaitTimeInMs: 2_000 });
    expect(dead!.messageId).toBe("p-1");
    expect(dead!.deadLetterReason).toBe("MaxDeliveryCountExceeded");
    expect(dead!.deadLetterErrorDescription).toContain("3 delivery attempts");
    await dlq.completeMessage(dead!);
    await dlq.close();
    await receiver.close();
    await sender.close();
  });

  it("deadLetterMessage moves the message with the given reason and description", async () => {
    const queue = await sb.queue();
    const sender = sb.client.createSender(queue);
    await sender.sendMessages({ body: { order: 7 }, applicationProperties: { kind: "order" } });
    const receiver = sb.client.createReceiver(queue);
    const [m] = await receiver.receiveMessages(1, { maxWaitTimeInMs: 2_000 });
    await receiver.deadLetterMessage(m!, { deadLetterReason: "InvalidOrder", deadLetterErrorDescription: "no items" });
    const dlq = sb.client.createReceiver(queue, { subQueueType: "deadLetter", receiveMode: "receiveAndDelete" });
    const [dead] = await dlq.receiveMessages(1, { maxWaitTimeInMs: 2_000 });
    expect(dead!.body).toEqual({ order: 7 });
    expect(dead!.deadLetterReason).toBe("InvalidOrder");
    expect(dead!.deadLetterErrorDescription).toBe("no items");
    expect(dead!.applicationProperties?.kind).toBe("order");
    expect(dead!.sequenceNumber?.toNumber()).toBe(m!.sequenceNumber?.toNumber());
    await dlq.close();
    await receiver.close();
    await sender.close();
  });

  it("an expired message is dead-lettered as TTLExpiredException when DeadLetteringOnMessageExpiration is on", async () => {
    const queue = await sb.queue({ DeadLetteringOnMessageExpiration: true });
    const sender = sb.client.createSender(queue);
    await sender.sendMessages({ body: "short-lived", timeToLive: 300 });
    await eventually(async () => (await getEntityCounts(sb.emulator.adminUrl, queue)).deadLetterMessageCount === 1, 3_000, "TTL expiry");
    const receiver = sb.client.createReceiver(queue);
    expect(await receiver.receiveMessages(1, { maxWaitTimeInMs: 200 })).toHaveLength(0);
    const dlq = sb.client.createReceiver(queue, { subQueueType: "deadLetter", receiveMode: "receiveAndDelete" });
    const [dead] = await dlq.receiveMessages(1, { maxWaitTimeInMs: 2_000 });
    expect(dead!.body).toBe("short-lived");
    expect(dead!.deadLetterReason).toBe("TTLExpiredException");
    await dlq.close();
    await receiver.close();
    await sender.close();
  });

  it("an expired message is dropped when DeadLetteringOnMessageExpiration is off; the entity default TTL applies", async () => {
    const queue = await sb.queue({ DefaultMessageTimeToLive: "PT0.3S" });
    const sender = sb.client.createSender(queue);
    await sender.sendMessages([{ body: "gone" }, { body: "also gone", timeToLive: 60_000 }]);
    await eventually(async () => (await getEntityCounts(sb.emulator.adminUrl, queue)).totalMessageCount === 0, 3_000, "TTL expiry");
    const receiver = sb.client.createReceiver(queue);
    expect(await receiver.receiveMessages(2, { maxWaitTimeInMs: 200 })).toHaveLength(0);
    const dlq = sb.client.createReceiver(queue, { subQueueType: "deadLetter" });
    expect(await dlq.peekMessages(5)).toHaveLength(0);
    await dlq.close();
    await receiver.close();
    await sender.close();
  });
});
