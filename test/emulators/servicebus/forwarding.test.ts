// Auto-forwarding: ForwardTo and ForwardDeadLetteredMessagesTo.
// https://learn.microsoft.com/azure/service-bus-messaging/service-bus-auto-forwarding
import { describe, expect, it } from "vitest";
import { useServiceBus } from "./harness.js";

const sb = useServiceBus();

describe.concurrent("auto-forwarding", () => {
  it("a queue with ForwardTo passes its messages on to the target queue", async () => {
    const target = await sb.queue();
    const source = await sb.queue({ ForwardTo: target });
    const sender = sb.client.createSender(source);
    await sender.sendMessages({ body: "hop", messageId: "f-1" });
    const receiver = sb.client.createReceiver(target, { receiveMode: "receiveAndDelete" });
    const [m] = await receiver.receiveMessages(1, { maxWaitTimeInMs: 2_000 });
    expect(m!.body).toBe("hop");
    expect(m!.messageId).toBe("f-1");
    const sourceReceiver = sb.client.createReceiver(source);
    expect(await sourceReceiver.peekMessages(1)).toHaveLength(0);
    await sourceReceiver.close();
    await receiver.close();
    await sender.close();
  });

  it("a subscription can forward to a queue", async () => {
    const target = await sb.queue();
    const topic = await sb.topic();
    await sb.subscription(topic, { ForwardTo: target });
    const sender = sb.client.createSender(topic);
    await sender.sendMessages({ body: "fan-in" });
    const receiver = sb.client.createReceiver(target, { receiveMode: "receiveAndDelete" });
    const [m] = await receiver.receiveMessages(1, { maxWaitTimeInMs: 2_000 });
    expect(m!.body).toBe("fan-in");
    await receiver.close();
    await sender.close();
  });

  it("ForwardDeadLetteredMessagesTo sends dead letters to another queue, with their reason", async () => {
    const graveyard = await sb.queue();
    const queue = await sb.queue({ ForwardDeadLetteredMessagesTo: graveyard });
    const sender = sb.client.createSender(queue);
    await sender.sendMessages({ body: "bad" });
    const receiver = sb.client.createReceiver(queue);
    const [m] = await receiver.receiveMessages(1, { maxWaitTimeInMs: 2_000 });
    await receiver.deadLetterMessage(m!, { deadLetterReason: "Invalid", deadLetterErrorDescription: "bad body" });
    const collector = sb.client.createReceiver(graveyard, { receiveMode: "receiveAndDelete" });
    const [dead] = await collector.receiveMessages(1, { maxWaitTimeInMs: 2_000 });
    expect(dead!.body).toBe("bad");
    expect(dead!.deadLetterReason).toBe("Invalid");
    expect(dead!.deadLetterSource).toBe(queue);
    await collector.close();
    await receiver.close();
    await sender.close();
  });
});
