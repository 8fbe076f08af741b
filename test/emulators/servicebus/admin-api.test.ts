// The emulator's admin HTTP API: JSON in and out, clear 4xx errors.
import { describe, expect, it } from "vitest";
import {
  AdminApiError,
  createQueue,
  createRule,
  createSubscription,
  createTopic,
  deleteEntity,
  deleteRule,
  getEntityCounts,
  uniqueName,
} from "../../../runner/src/emulators/servicebus/management/admin-client.js";
import { ServiceBusClient, isServiceBusError } from "@azure/service-bus";
import { useServiceBus } from "./harness.js";

const sb = useServiceBus();

describe.concurrent("admin API", () => {
  it("creates and deletes queues, topics, subscriptions and rules", async () => {
    const url = sb.emulator.adminUrl;
    const queue = uniqueName("admin-q");
    const topic = uniqueName("admin-t");
    await createQueue(url, queue, { LockDuration: "PT30S", MaxDeliveryCount: 5 });
    await createTopic(url, topic);
    await createSubscription(url, topic, "all");
    await createRule(url, topic, "all", "reds", { FilterType: "Sql", SqlFilter: { SqlExpression: "color = 'red'" } });
    const listing = (await (await fetch(url)).json()) as { Queues: string[]; Topics: { Name: string; Subscriptions: string[] }[] };
    expect(listing.Queues).toContain(queue);
    expect(listing.Topics).toContainEqual({ Name: topic, Subscriptions: ["all"] });
    const detail = (await (await fetch(`${url}/queues/${queue}`)).json()) as { Properties: { LockDurationMs: number; MaxDeliveryCount: number } };
    expect(detail.Properties).toMatchObject({ LockDurationMs: 30_000, MaxDeliveryCount: 5 });
    await deleteRule(url, topic, "all", "$Default");
    await sb.client.createSender(topic).sendMessages([{ body: 1, applicationProperties: { color: "red" } }, { body: 2 }]);
    expect((await getEntityCounts(url, `${topic}/Subscriptions/all`)).activeMessageCount).toBe(1);
    await deleteEntity(url, `${topic}/Subscriptions/all`);
    await deleteEntity(url, topic);
    await deleteEntity(url, queue);
    const gone = await getEntityCounts(url, queue).catch((e: unknown) => e);
    expect((gone as AdminApiError).status).toBe(404);
  });

  it("explains bad requests with 400 and the property at fault", async () => {
    const url = sb.emulator.adminUrl;
    const error = await createQueue(url, uniqueName("q"), { LockDuration: "60 seconds" }).catch((e: unknown) => e);
    expect((error as AdminApiError).status).toBe(400);
    expect((error as AdminApiError).message).toContain("Properties.LockDuration: expected an ISO 8601 duration");
    const notJson = await fetch(`${url}/queues/x`, { method: "PUT", body: "{oops" });
    expect(notJson.status).toBe(400);
    expect(((await notJson.json()) as { error: { code: string } }).error.code).toBe("InvalidJson");
    const route = await fetch(`${url}/nothing/here`);
    expect(route.status).toBe(404);
    const missing = await createSubscription(url, "no-such-topic", "s").catch((e: unknown) => e);
    expect((missing as AdminApiError).status).toBe(404);
    expect((missing as AdminApiError).code).toBe("MessagingEntityNotFound");
  });

  it("deleting a queue ends its receivers with MessagingEntityNotFound", async () => {
    const queue = await sb.queue();
    // subscribe() keeps retrying after errors, sleeping retryDelayInMs (30 s by default) between attempts.
    const client = new ServiceBusClient(sb.emulator.connectionString, { retryOptions: { maxRetries: 0, retryDelayInMs: 50 } });
    const receiver = client.createReceiver(queue);
    const errors: unknown[] = [];
    const subscription = receiver.subscribe({ async processMessage() {}, async processError(args) { errors.push(args.error); } });
    await new Promise((r) => setTimeout(r, 300));
    await deleteEntity(sb.emulator.adminUrl, queue);
    const deadline = Date.now() + 5_000;
    while (errors.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    await subscription.close();
    expect(errors.some((e) => isServiceBusError(e) && e.code === "MessagingEntityNotFound")).toBe(true);
    await receiver.close();
    await client.close();
  });
});
