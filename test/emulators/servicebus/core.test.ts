// The broker core on its own, without AMQP: the pieces whose edge cases are easier to pin here than through the SDK.
import { describe, expect, it } from "vitest";
import { formatIsoDuration, parseIsoDuration } from "../../../runner/src/emulators/servicebus/config/iso-duration.js";
import { validateChildName, validateEntityName } from "../../../runner/src/emulators/servicebus/core/entity-names.js";
import type { Consumer } from "../../../runner/src/emulators/servicebus/core/message-entity.js";
import type { StoredMessage } from "../../../runner/src/emulators/servicebus/core/message.js";
import { Namespace } from "../../../runner/src/emulators/servicebus/core/namespace.js";
import { TimerQueue } from "../../../runner/src/emulators/servicebus/core/timer-queue.js";

describe("ISO 8601 durations (Config.json)", () => {
  it.each([
    ["PT1M", 60_000],
    ["PT0.5S", 500],
    ["P1D", 86_400_000],
    ["P1DT2H3M4S", 93_784_000],
    ["P10675199DT2H48M5.4775807S", Infinity],
  ])("%s = %s ms", (text, ms) => expect(parseIsoDuration(text)).toBe(ms));

  it.each(["1M", "PT", "P", "PT1X", "60"])("rejects %s", (text) => expect(parseIsoDuration(text)).toBeUndefined());

  it.each([
    [60_000, "PT1M"],
    [45_000, "PT45S"],
    [500, "PT0.5S"],
    [93_784_000, "P1DT2H3M4S"],
    [86_400_000, "P1D"],
    [0, "PT0S"],
    [Infinity, "P10675199DT2H48M5.4775807S"],
  ])("writes %s ms as %s", (ms, text) => {
    expect(formatIsoDuration(ms)).toBe(text);
    expect(parseIsoDuration(text)).toBe(ms);
  });
});

describe("entity names", () => {
  it("accepts what Azure accepts", () => {
    expect(() => validateEntityName("queue", "orders.v2/eu-west_1")).not.toThrow();
    expect(() => validateChildName("rule", "$Default")).not.toThrow();
  });
  it.each(["-leading", "trailing.", "has space", "a//b", "q/$DeadLetterQueue"])("rejects queue '%s'", (name) =>
    expect(() => validateEntityName("queue", name)).toThrow(/is invalid/),
  );
  it("limits subscription names to 50 characters and no slashes", () => {
    expect(() => validateChildName("subscription", "x".repeat(51))).toThrow(/1 to 50/);
    expect(() => validateChildName("subscription", "a/b")).toThrow(/only letters/);
  });
});

describe("TimerQueue", () => {
  it("runs entries in time order, skips cancelled ones, and stop() leaves no timer", async () => {
    const timers = new TimerQueue();
    const ran: string[] = [];
    const now = Date.now();
    timers.at(now + 30, () => ran.push("b"));
    timers.at(now + 10, () => ran.push("a"));
    timers.at(now + 20, () => ran.push("cancelled")).cancel();
    timers.at(now + 60_000, () => ran.push("never"));
    await new Promise((r) => setTimeout(r, 80));
    expect(ran).toEqual(["a", "b"]);
    timers.stop();
  });
});

describe("Namespace core", () => {
  function consumer(receiveAndDelete: boolean, credit = 100): Consumer & { got: StoredMessage[] } {
    const got: StoredMessage[] = [];
    let left = credit;
    return {
      id: Math.floor(Math.random() * 1e9),
      receiveAndDelete,
      got,
      credit: () => left,
      deliver(message) {
        left--;
        got.push(message);
      },
      lost() {},
    };
  }

  it("hands messages round-robin to competing consumers, each exactly once", () => {
    const ns = new Namespace();
    const queue = ns.createQueue("work");
    const [a, b] = [consumer(true), consumer(true)];
    queue.addConsumer(a);
    queue.addConsumer(b);
    for (let i = 0; i < 10; i++) ns.send("work", { applicationProperties: { i }, payload: null, size: 10 });
    expect(a.got.length + b.got.length).toBe(10);
    expect(Math.abs(a.got.length - b.got.length)).toBeLessThanOrEqual(1);
    const all = [...a.got, ...b.got].map((m) => m.content.applicationProperties.i).sort();
    expect(new Set(all).size).toBe(10);
    ns.close();
  });

  it("offers an abandoned message again before newer ones (sequence order)", () => {
    const ns = new Namespace();
    const queue = ns.createQueue("ordered");
    for (let i = 0; i < 3; i++) ns.send("ordered", { applicationProperties: { i }, payload: null, size: 10 });
    const first = consumer(false, 1);
    queue.addConsumer(first);
    const token = first.got[0]!.lock!.token;
    queue.removeConsumer(first);
    queue.abandon(token);
    const second = consumer(false, 3);
    queue.addConsumer(second);
    expect(second.got.map((m) => m.content.applicationProperties.i)).toEqual([0, 1, 2]);
    expect(second.got[0]!.deliveryCount).toBe(1);
    ns.close();
  });

  it("refuses a message over the size limit with MessageSizeExceeded", () => {
    const ns = new Namespace({ limits: { maxMessageSizeBytes: 100 } });
    ns.createQueue("small");
    expect(() => ns.send("small", { applicationProperties: {}, payload: null, size: 101 })).toThrow(
      expect.objectContaining({ code: "MessageSizeExceeded" }),
    );
    ns.close();
  });

  it("enforces the entity quota with QuotaExceeded", () => {
    const ns = new Namespace({ limits: { maxEntities: 2 } });
    ns.createQueue("one");
    ns.createTopic("two");
    expect(() => ns.createQueue("three")).toThrow(expect.objectContaining({ code: "QuotaExceeded" }));
    ns.close();
  });
});
