// Reference solution for the servicebus-queues lab.
import type { ServiceBusClient, ServiceBusMessage } from "@azure/service-bus";

/** An order as the shop sends it. */
export interface Order {
  id: string;
  customer: string;
  amount: number;
}

/** What the consumer did with one message. */
export type Outcome = "completed" | "abandoned" | "dead-lettered" | "no-message";

/** One message read from the dead-letter queue. */
export interface DeadLetter {
  messageId: string;
  reason: string | undefined;
  description: string | undefined;
  body: unknown;
}

/** True when `body` has the shape of an Order (given: the lab is about Service Bus, not validation). */
export function isOrder(body: unknown): body is Order {
  if (typeof body !== "object" || body === null) return false;
  const { id, customer, amount } = body as Record<string, unknown>;
  return typeof id === "string" && typeof customer === "string" && typeof amount === "number" && amount > 0;
}

function toMessage(order: Order): ServiceBusMessage {
  // messageId is what duplicate detection and idempotent consumers key on: use the business id, not a random one.
  return { body: order, messageId: order.id, contentType: "application/json", subject: "order" };
}

export async function sendOrder(client: ServiceBusClient, queueName: string, order: Order): Promise<void> {
  const sender = client.createSender(queueName);
  try {
    await sender.sendMessages(toMessage(order));
  } finally {
    // An open sender holds an AMQP link; in a real app keep one per entity for the app's lifetime instead.
    await sender.close();
  }
}

export async function sendOrderBatch(client: ServiceBusClient, queueName: string, orders: Order[]): Promise<number> {
  const sender = client.createSender(queueName);
  try {
    let batches = 0;
    // The batch knows the link's size limit (256 KB on Standard), so tryAddMessage says when it is full;
    // sending an array instead fails with MessageSizeExceeded as soon as the total passes the limit.
    let batch = await sender.createMessageBatch();
    for (const order of orders) {
      if (batch.tryAddMessage(toMessage(order))) continue;
      if (batch.count === 0) throw new Error(`Order ${order.id} is larger than the ${batch.maxSizeInBytes}-byte limit`);
      await sender.sendMessages(batch);
      batches++;
      batch = await sender.createMessageBatch();
      if (!batch.tryAddMessage(toMessage(order))) {
        throw new Error(`Order ${order.id} is larger than the ${batch.maxSizeInBytes}-byte limit`);
      }
    }
    if (batch.count > 0) {
      await sender.sendMessages(batch);
      batches++;
    }
    return batches;
  } finally {
    await sender.close();
  }
}

export async function receiveOrders(
  client: ServiceBusClient,
  queueName: string,
  maxCount: number,
  maxWaitTimeInMs = 1000,
): Promise<Order[]> {
  // peekLock (the default) locks each message; it is removed only when we complete it, so a crash before that
  // redelivers it. receiveAndDelete would lose the message if we crashed while processing.
  const receiver = client.createReceiver(queueName, { receiveMode: "peekLock" });
  try {
    const messages = await receiver.receiveMessages(maxCount, { maxWaitTimeInMs });
    const orders: Order[] = [];
    for (const message of messages) {
      orders.push(message.body as Order);
      await receiver.completeMessage(message);
    }
    return orders;
  } finally {
    await receiver.close();
  }
}

export async function processNext(
  client: ServiceBusClient,
  queueName: string,
  handle: (order: Order) => Promise<void>,
  maxWaitTimeInMs = 1000,
): Promise<Outcome> {
  const receiver = client.createReceiver(queueName, { receiveMode: "peekLock" });
  try {
    const [message] = await receiver.receiveMessages(1, { maxWaitTimeInMs });
    if (!message) return "no-message";

    // A message that can never succeed is poison: retrying it only burns delivery attempts. Dead-letter it at
    // once with a reason and description that an operator reading the DLQ can act on.
    if (!isOrder(message.body)) {
      await receiver.deadLetterMessage(message, {
        deadLetterReason: "InvalidOrder",
        deadLetterErrorDescription: "The body is not an order: it needs a string id and customer and a positive amount.",
      });
      return "dead-lettered";
    }

    try {
      await handle(message.body);
    } catch (error) {
      // abandon releases the lock now, so the message is redelivered at once (delivery count + 1) instead of
      // after the lock duration; the property we add travels with it for the next attempt to see.
      await receiver.abandonMessage(message, { lastError: error instanceof Error ? error.message : String(error) });
      return "abandoned";
    }
    // Complete only after the work succeeded: this is what makes peek-lock "at least once".
    await receiver.completeMessage(message);
    return "completed";
  } finally {
    await receiver.close();
  }
}

export async function readDeadLetters(
  client: ServiceBusClient,
  queueName: string,
  maxCount: number,
  maxWaitTimeInMs = 1000,
): Promise<DeadLetter[]> {
  // The DLQ is a sub-queue at "<queue>/$deadletterqueue"; subQueueType builds that path for us.
  const receiver = client.createReceiver(queueName, { subQueueType: "deadLetter" });
  try {
    const messages = await receiver.receiveMessages(maxCount, { maxWaitTimeInMs });
    const letters: DeadLetter[] = [];
    for (const message of messages) {
      letters.push({
        messageId: String(message.messageId),
        reason: message.deadLetterReason,
        description: message.deadLetterErrorDescription,
        body: message.body,
      });
      // Dead-lettered messages never expire: someone has to remove (or resubmit) them.
      await receiver.completeMessage(message);
    }
    return letters;
  } finally {
    await receiver.close();
  }
}
