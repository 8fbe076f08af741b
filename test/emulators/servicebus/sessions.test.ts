// Sessions: FIFO per session, exclusive session locks, session state.
// https://learn.microsoft.com/azure/service-bus-messaging/message-sessions
import { isServiceBusError } from "@azure/service-bus";
import { describe, expect, it } from "vitest";
import { useServiceBus } from "./harness.js";

const sb = useServiceBus();

describe.concurrent("sessions", () => {
  it("two receivers on two sessions each get their own session's messages in order", async () => {
    const queue = await sb.queue({ RequiresSession: true });
    const sender = sb.client.createSender(queue);
    const batch = [];
    for (let i = 0; i < 5; i++) {
      batch.push({ body: `a${i}`, sessionId: "customer-a" }, { body: `b${i}`, sessionId: "customer-b" });
    }
    await sender.sendMessages(batch);
    const first = await sb.client.acceptNextSession(queue);
    const second = await sb.client.acceptNextSession(queue);
    expect([first.sessionId, second.sessionId].sort()).toEqual(["customer-a", "customer-b"]);
    for (const receiver of [first, second]) {
      const got = await receiver.receiveMessages(5, { maxWaitTimeInMs: 2_000 });
      const prefix = receiver.sessionId === "customer-a" ? "a" : "b";
      expect(got.map((m) => m.body)).toEqual([0, 1, 2, 3, 4].map((i) => `${prefix}${i}`));
      expect(got.every((m) => m.sessionId === receiver.sessionId)).toBe(true);
      for (const m of got) await receiver.completeMessage(m);
    }
    await first.close();
    await second.close();
    await sender.close();
  });

  it("a locked session cannot be accepted by another receiver until it is released", async () => {
    const queue = await sb.queue({ RequiresSession: true });
    const sender = sb.client.createSender(queue);
    await sender.sendMessages({ body: "x", sessionId: "s1" });
    const owner = await sb.client.acceptSession(queue, "s1");
    expect(owner.sessionLockedUntilUtc.getTime()).toBeGreaterThan(Date.now());
    const error = await sb.client.acceptSession(queue, "s1").catch((e: unknown) => e);
    expect(isServiceBusError(error) && error.code).toBe("SessionCannotBeLocked");
    await owner.close();
    const next = await sb.client.acceptSession(queue, "s1");
    const [m] = await next.receiveMessages(1, { maxWaitTimeInMs: 2_000 });
    expect(m!.body).toBe("x");
    await next.completeMessage(m!);
    await next.close();
    await sender.close();
  });

  it("session state round-trips and the session lock can be renewed", async () => {
    const queue = await sb.queue({ RequiresSession: true, LockDuration: "PT2S" });
    const sender = sb.client.createSender(queue);
    await sender.sendMessages({ body: 10, sessionId: "cart-1" });
    const receiver = await sb.client.acceptSession(queue, "cart-1", { maxAutoLockRenewalDurationInMs: 0 });
    // No state yet: the reply carries a null session-state, which the SDK hands back as is.
    expect(await receiver.getSessionState()).toBeNull();
    await receiver.setSessionState({ total: 10, items: ["book"] });
    expect(await receiver.getSessionState()).toEqual({ total: 10, items: ["book"] });
    const before = receiver.sessionLockedUntilUtc.getTime();
    await new Promise((r) => setTimeout(r, 300));
    const renewed = await receiver.renewSessionLock();
    expect(renewed.getTime()).toBeGreaterThan(before);
    await receiver.close();
    const again = await sb.client.acceptSession(queue, "cart-1");
    expect(await again.getSessionState()).toEqual({ total: 10, items: ["book"] });
    await again.close();
    await sender.close();
  });

  it("acceptNextSession waits for a session to get a message, and times out when none does", async () => {
    const queue = await sb.queue({ RequiresSession: true });
    const sender = sb.client.createSender(queue);
    const waiting = sb.client.acceptNextSession(queue);
    await new Promise((r) => setTimeout(r, 200));
    await sender.sendMessages({ body: "late", sessionId: "late-session" });
    const receiver = await waiting;
    expect(receiver.sessionId).toBe("late-session");
    await receiver.close();
    const error = await sb.client
      .acceptNextSession(queue, { abortSignal: AbortSignal.timeout(5_000) })
      .then(() => undefined)
      .catch((e: unknown) => e);
    // The only session is free again, so it is accepted; a queue without sessions with messages times out.
    expect(error).toBeUndefined();
    const empty = await sb.queue({ RequiresSession: true });
    const timeoutClient = new (await import("@azure/service-bus")).ServiceBusClient(sb.emulator.connectionString, {
      retryOptions: { maxRetries: 0, timeoutInMs: 500 },
    });
    const timeout = await timeoutClient.acceptNextSession(empty).catch((e: unknown) => e);
    expect(isServiceBusError(timeout) && timeout.code).toBe("ServiceTimeout");
    await timeoutClient.close();
    await sender.close();
  });

  it("a session queue rejects a message without a session id and a receiver without a session", async () => {
    const queue = await sb.queue({ RequiresSession: true });
    const sender = sb.client.createSender(queue);
    const sendError = await sender.sendMessages({ body: "no session" }).catch((e: unknown) => e);
    expect(isServiceBusError(sendError) && sendError.code).toBe("GeneralError");
    expect(String((sendError as Error).message)).toContain("SessionId was not set");
    const receiveError = await sb.client
      .createReceiver(queue)
      .receiveMessages(1, { maxWaitTimeInMs: 500 })
      .catch((e: unknown) => e);
    expect(String((receiveError as Error).message)).toContain("non-sessionful message receiver");
    await sender.close();
  });

  it("a session subscription streams with subscribe() and peeks its own session only", async () => {
    const topic = await sb.topic();
    const subscription = await sb.subscription(topic, { RequiresSession: true });
    const sender = sb.client.createSender(topic);
    await sender.sendMessages([
      { body: 1, sessionId: "left" },
      { body: 2, sessionId: "right" },
      { body: 3, sessionId: "left" },
    ]);
    const receiver = await sb.client.acceptSession(topic, subscription, "left");
    const peeked = await receiver.peekMessages(10);
    expect(peeked.map((m) => m.body)).toEqual([1, 3]);
    const bodies: number[] = [];
    const done = new Promise<void>((resolve, reject) => {
      receiver.subscribe({
        async processMessage(message) {
          bodies.push(message.body as number);
          if (bodies.length === 2) resolve();
        },
        async processError(args) {
          reject(args.error);
        },
      });
    });
    await done;
    expect(bodies).toEqual([1, 3]);
    await receiver.close();
    const right = await sb.client.acceptNextSession(topic, subscription, { receiveMode: "receiveAndDelete" });
    expect(right.sessionId).toBe("right");
    expect((await right.receiveMessages(5, { maxWaitTimeInMs: 500 })).map((m) => m.body)).toEqual([2]);
    await right.close();
    await sender.close();
  });

  it("a session lock that runs out ends the receiver with SessionLockLost and frees the session", async () => {
    const queue = await sb.queue({ RequiresSession: true, LockDuration: "PT1S" });
    const sender = sb.client.createSender(queue);
    await sender.sendMessages({ body: "held", sessionId: "s" });
    const receiver = await sb.client.acceptSession(queue, "s", { maxAutoLockRenewalDurationInMs: 0 });
    const [m] = await receiver.receiveMessages(1, { maxWaitTimeInMs: 2_000 });
    await new Promise((r) => setTimeout(r, 1_300));
    const error = await receiver.completeMessage(m!).catch((e: unknown) => e);
    expect(isServiceBusError(error) && error.code).toBe("SessionLockLost");
    const next = await sb.client.acceptSession(queue, "s");
    const [again] = await next.receiveMessages(1, { maxWaitTimeInMs: 2_000 });
    expect(again!.body).toBe("held");
    expect(again!.deliveryCount).toBe(1);
    await next.completeMessage(again!);
    await next.close();
    await receiver.close().catch(() => undefined);
    await sender.close();
  });
});
