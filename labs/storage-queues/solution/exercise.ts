// Reference solution for the storage-queues lab.
import type { QueueClient, QueueServiceClient } from "@azure/storage-queue";

/** A message taken from the queue: its parsed JSON body and what you need to delete or update it later. */
export interface ReceivedMessage {
  messageId: string;
  popReceipt: string;
  dequeueCount: number;
  body: unknown;
}

/** What processNext did with the queue's next message. */
export type ProcessOutcome = "empty" | "completed" | "retry" | "poisoned";

export interface ProcessOptions {
  /** How long the message stays hidden from other consumers while the handler runs. */
  visibilityTimeoutSeconds: number;
  /** After this many failed deliveries the message goes to `<queue>-poison` (Azure Functions' default is 5). */
  maxDequeueCount: number;
}

export async function sendJson(queue: QueueClient, body: unknown, timeToLiveSeconds: number): Promise<string> {
  // The SDK sends the text as is. (Azure Functions' queue trigger expects Base64 by default: encode with
  // Buffer.from(text).toString("base64") if a Function consumes this queue.)
  // Without messageTimeToLive a message expires after 7 days; -1 means it never expires.
  const response = await queue.sendMessage(JSON.stringify(body), { messageTimeToLive: timeToLiveSeconds });
  return response.messageId;
}

export async function receiveJson(
  queue: QueueClient,
  visibilityTimeoutSeconds: number,
): Promise<ReceivedMessage | undefined> {
  // Receiving does not remove the message: it hides it for visibilityTimeout seconds and returns a pop
  // receipt. If we do not delete it in time (crash, slow handler), it becomes visible again: at-least-once.
  const response = await queue.receiveMessages({ numberOfMessages: 1, visibilityTimeout: visibilityTimeoutSeconds });
  const item = response.receivedMessageItems[0];
  if (!item) return undefined;
  return {
    messageId: item.messageId,
    popReceipt: item.popReceipt,
    dequeueCount: item.dequeueCount,
    body: JSON.parse(item.messageText) as unknown,
  };
}

export async function processNext(
  service: QueueServiceClient,
  queueName: string,
  handler: (body: unknown) => Promise<void> | void,
  options: ProcessOptions,
): Promise<ProcessOutcome> {
  const queue = service.getQueueClient(queueName);
  const response = await queue.receiveMessages({
    numberOfMessages: 1,
    visibilityTimeout: options.visibilityTimeoutSeconds,
  });
  const item = response.receivedMessageItems[0];
  if (!item) return "empty";

  // Already delivered too often (earlier consumers crashed before deleting it): do not run it again.
  if (item.dequeueCount > options.maxDequeueCount) {
    await moveToPoison(service, queueName, item.messageId, item.popReceipt, item.messageText);
    return "poisoned";
  }

  try {
    // Parsing inside the try: a message that is not JSON is a failure like any other and ends up poisoned.
    await handler(JSON.parse(item.messageText) as unknown);
  } catch {
    if (item.dequeueCount >= options.maxDequeueCount) {
      await moveToPoison(service, queueName, item.messageId, item.popReceipt, item.messageText);
      return "poisoned";
    }
    // Make it visible again now instead of after the visibility timeout, as Functions does by default
    // (its `visibilityTimeout` retry delay is 0). The pop receipt proves we still own the message.
    await queue.updateMessage(item.messageId, item.popReceipt, undefined, 0);
    return "retry";
  }

  // Delete only after the handler succeeded: deleting first would lose the message if the handler failed.
  await queue.deleteMessage(item.messageId, item.popReceipt);
  return "completed";
}

async function moveToPoison(
  service: QueueServiceClient,
  queueName: string,
  messageId: string,
  popReceipt: string,
  messageText: string,
): Promise<void> {
  const poison = service.getQueueClient(`${queueName}-poison`);
  await poison.createIfNotExists();
  // Copy first, then delete: if we crash in between, the worst case is a duplicate, never a lost message.
  await poison.sendMessage(messageText);
  await service.getQueueClient(queueName).deleteMessage(messageId, popReceipt);
}
