// Failures the SDK must report with Azure's error codes.
// https://learn.microsoft.com/azure/service-bus-messaging/service-bus-messaging-exceptions-latest
import { ServiceBusClient, isServiceBusError } from "@azure/service-bus";
import { describe, expect, it } from "vitest";
import { createHmac } from "node:crypto";
import { DEFAULT_KEY, DEFAULT_KEY_NAME } from "../../../runner/src/emulators/servicebus/index.js";
import { AdminApiError, createQueue } from "../../../runner/src/emulators/servicebus/management/admin-client.js";
import { useServiceBus } from "./harness.js";

const sb = useServiceBus({ limits: { maxMessageSizeBytes: 4_096 } });

describe.concurrent("errors", () => {
  it("a wrong key fails with UnauthorizedAccess", async () => {
    const queue = await sb.queue();
    const wrong = sb.emulator.connectionString.replace(/SharedAccessKey=[^;]+/, "SharedAccessKey=not-the-key");
    const client = new ServiceBusClient(wrong, { retryOptions: { maxRetries: 0, timeoutInMs: 5_000 } });
    const error = await client.createSender(queue).sendMessages({ body: "x" }).catch((e: unknown) => e);
    expect(isServiceBusError(error) && error.code).toBe("UnauthorizedAccess");
    await client.close();
  });

  it("a wrong key name fails with UnauthorizedAccess too", async () => {
    const queue = await sb.queue();
    const wrong = sb.emulator.connectionString.replace(/SharedAccessKeyName=[^;]+/, "SharedAccessKeyName=nobody");
    const client = new ServiceBusClient(wrong, { retryOptions: { maxRetries: 0, timeoutInMs: 5_000 } });
    const error = await client.createReceiver(queue).receiveMessages(1, { maxWaitTimeInMs: 500 }).catch((e: unknown) => e);
    expect(isServiceBusError(error) && error.code).toBe("UnauthorizedAccess");
    await client.close();
  });

  it("an expired SAS token, or one for another entity, fails with UnauthorizedAccess", async () => {
    const queue = await sb.queue();
    const other = await sb.queue();
    const endpoint = `sb://localhost:${sb.emulator.port}/`;
    const sign = (resource: string, expiresAt: number) => {
      const sr = encodeURIComponent(resource);
      const se = Math.floor(expiresAt / 1000);
      const sig = encodeURIComponent(createHmac("sha256", DEFAULT_KEY).update(`${sr}\n${se}`).digest("base64"));
      return `SharedAccessSignature sr=${sr}&sig=${sig}&se=${se}&skn=${DEFAULT_KEY_NAME}`;
    };
    const attempt = async (token: string) => {
      const client = new ServiceBusClient(`Endpoint=${endpoint};SharedAccessSignature=${token};UseDevelopmentEmulator=true`, {
        retryOptions: { maxRetries: 0, timeoutInMs: 5_000 },
      });
      const result = await client.createSender(queue).sendMessages({ body: "x" }).catch((e: unknown) => e);
      await client.close();
      return result;
    };
    const expired = await attempt(sign(`${endpoint}${queue}`, Date.now() - 60_000));
    expect(isServiceBusError(expired) && expired.code).toBe("UnauthorizedAccess");
    expect((expired as Error).message).toContain("ExpiredToken");
    const elsewhere = await attempt(sign(`${endpoint}${other}`, Date.now() + 600_000));
    expect(isServiceBusError(elsewhere) && elsewhere.code).toBe("UnauthorizedAccess");
    // The same kind of token for the right entity works: the checks above are about expiry and audience only.
    expect(await attempt(sign(`${endpoint}${queue}`, Date.now() + 600_000))).toBeUndefined();
  });

  it("an unknown queue fails with MessagingEntityNotFound for senders and receivers", async () => {
    const sendError = await sb.client.createSender("no-such-queue").sendMessages({ body: "x" }).catch((e: unknown) => e);
    expect(isServiceBusError(sendError) && sendError.code).toBe("MessagingEntityNotFound");
    const receiveError = await sb.client
      .createReceiver("no-such-queue")
      .receiveMessages(1, { maxWaitTimeInMs: 500 })
      .catch((e: unknown) => e);
    expect(isServiceBusError(receiveError) && receiveError.code).toBe("MessagingEntityNotFound");
  });

  it("a message over the size limit fails with MessageSizeExceeded and nothing is enqueued", async () => {
    const queue = await sb.queue();
    const sender = sb.client.createSender(queue);
    const error = await sender.sendMessages({ body: "x".repeat(5_000) }).catch((e: unknown) => e);
    expect(isServiceBusError(error) && error.code).toBe("MessageSizeExceeded");
    // The SDK sizes batches by the limit the broker announces on the link.
    const batch = await sender.createMessageBatch();
    expect(batch.maxSizeInBytes).toBe(4_096);
    expect(batch.tryAddMessage({ body: "x".repeat(5_000) })).toBe(false);
    const receiver = sb.client.createReceiver(queue);
    expect(await receiver.peekMessages(1)).toHaveLength(0);
    await receiver.close();
    await sender.close();
  });

  it("an entity name Azure would reject is refused with Azure's rule", async () => {
    const error = await createQueue(sb.emulator.adminUrl, "bad name").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AdminApiError);
    expect((error as AdminApiError).status).toBe(400);
    expect((error as AdminApiError).message).toContain("can contain only letters, numbers, periods (.), hyphens (-), and underscores (_)");
    const tooLong = await createQueue(sb.emulator.adminUrl, "a".repeat(261)).catch((e: unknown) => e);
    expect((tooLong as AdminApiError).message).toContain("1 to 260 characters");
  });

  it("creating an entity twice fails with 409 MessagingEntityAlreadyExists", async () => {
    const queue = await sb.queue();
    const error = await createQueue(sb.emulator.adminUrl, queue).catch((e: unknown) => e);
    expect((error as AdminApiError).status).toBe(409);
    expect((error as AdminApiError).code).toBe("MessagingEntityAlreadyExists");
  });
});

describe("duplicate detection", () => {
  // https://learn.microsoft.com/azure/service-bus-messaging/duplicate-detection
  it("drops a second message with the same MessageId inside the window", async () => {
    const queue = await sb.queue({ RequiresDuplicateDetection: true, DuplicateDetectionHistoryTimeWindow: "PT1M" });
    const sender = sb.client.createSender(queue);
    await sender.sendMessages({ body: "first", messageId: "order-42" });
    await sender.sendMessages({ body: "again", messageId: "order-42" });
    await sender.sendMessages({ body: "other", messageId: "order-43" });
    const receiver = sb.client.createReceiver(queue, { receiveMode: "receiveAndDelete" });
    const got = await receiver.receiveMessages(3, { maxWaitTimeInMs: 1_000 });
    expect(got.map((m) => m.body)).toEqual(["first", "other"]);
    await receiver.close();
    await sender.close();
  });

  it("accepts the same MessageId again once the window has passed", async () => {
    const queue = await sb.queue({ RequiresDuplicateDetection: true, DuplicateDetectionHistoryTimeWindow: "PT0.3S" });
    const sender = sb.client.createSender(queue);
    await sender.sendMessages({ body: "first", messageId: "same" });
    await new Promise((r) => setTimeout(r, 400));
    await sender.sendMessages({ body: "later", messageId: "same" });
    const receiver = sb.client.createReceiver(queue, { receiveMode: "receiveAndDelete" });
    const got = await receiver.receiveMessages(2, { maxWaitTimeInMs: 1_000 });
    expect(got.map((m) => m.body)).toEqual(["first", "later"]);
    await receiver.close();
    await sender.close();
  });
});
