// Microsoft's emulator Config.json: loading it, and reporting every problem with its JSON path before start.
// Format: https://learn.microsoft.com/azure/service-bus-messaging/test-locally-with-service-bus-emulator
import { ServiceBusClient } from "@azure/service-bus";
import { describe, expect, it } from "vitest";
import { parseServiceBusConfig, ServiceBusConfigError, start } from "../../../runner/src/emulators/servicebus/index.js";

// Microsoft's sample config, trimmed.
const sample = {
  UserConfig: {
    Namespaces: [
      {
        Name: "sbemulatorns",
        Queues: [
          {
            Name: "queue.1",
            Properties: {
              DeadLetteringOnMessageExpiration: false,
              DefaultMessageTimeToLive: "PT1H",
              DuplicateDetectionHistoryTimeWindow: "PT20S",
              ForwardDeadLetteredMessagesTo: "",
              ForwardTo: "",
              LockDuration: "PT1M",
              MaxDeliveryCount: 3,
              RequiresDuplicateDetection: false,
              RequiresSession: false,
            },
          },
        ],
        Topics: [
          {
            Name: "topic.1",
            Properties: { DefaultMessageTimeToLive: "PT1H", DuplicateDetectionHistoryTimeWindow: "PT20S", RequiresDuplicateDetection: false },
            Subscriptions: [
              {
                Name: "subscription.1",
                Properties: { DeadLetteringOnMessageExpiration: false, DefaultMessageTimeToLive: "PT1H", LockDuration: "PT1M", MaxDeliveryCount: 3, ForwardDeadLetteredMessagesTo: "", ForwardTo: "", RequiresSession: false },
                Rules: [
                  {
                    Name: "app-prop-filter-1",
                    Properties: {
                      FilterType: "Correlation",
                      CorrelationFilter: { ContentType: "application/text", CorrelationId: "id1", Label: "subject1", Properties: { prop3: "value3" } },
                    },
                  },
                ],
              },
              { Name: "subscription.2", Properties: { LockDuration: "PT1M", MaxDeliveryCount: 3 } },
            ],
          },
        ],
      },
    ],
    Logging: { Type: "File" },
  },
};

describe("Config.json", () => {
  it("starts with Microsoft's sample config and the SDK sees its entities and rules", async () => {
    const emulator = await start({ config: sample });
    const client = new ServiceBusClient(emulator.connectionString, { retryOptions: { maxRetries: 0 } });
    const sender = client.createSender("topic.1");
    await sender.sendMessages([
      { body: "match", contentType: "application/text", correlationId: "id1", subject: "subject1", applicationProperties: { prop3: "value3" } },
      { body: "no match", correlationId: "id2" },
    ]);
    const filtered = client.createReceiver("topic.1", "subscription.1", { receiveMode: "receiveAndDelete" });
    expect((await filtered.receiveMessages(5, { maxWaitTimeInMs: 500 })).map((m) => m.body)).toEqual(["match"]);
    const all = client.createReceiver("topic.1", "subscription.2", { receiveMode: "receiveAndDelete" });
    expect((await all.receiveMessages(5, { maxWaitTimeInMs: 500 })).map((m) => m.body)).toEqual(["match", "no match"]);
    await client.createSender("queue.1").sendMessages({ body: "q" });
    const [m] = await client.createReceiver("queue.1").receiveMessages(1, { maxWaitTimeInMs: 1_000 });
    expect(m!.lockedUntilUtc!.getTime() - Date.now()).toBeGreaterThan(50_000);
    expect(emulator.namespace.getQueue("queue.1")!.properties.maxDeliveryCount).toBe(3);
    await client.close();
    await emulator.stop();
  });

  it("reports every problem with its JSON path, before anything starts", () => {
    const broken = {
      UserConfig: {
        Namespaces: [
          {
            Name: "sbemulatorns",
            Queues: [
              { Name: "ok-queue", Properties: { LockDuration: "one minute", MaxDeliveryCount: "3" } },
              { Name: "bad name", Properties: { ForwardTo: "nowhere" } },
              { Name: "OK-QUEUE" },
            ],
            Topics: [
              {
                Name: "t",
                Subscriptions: [
                  { Name: "s", Rules: [{ Name: "r", Properties: { FilterType: "Sql" } }] },
                  { Name: "s2", Rules: [{ Name: "r2", Properties: { FilterType: "Sql", SqlFilter: { SqlExpression: "color = " } } }] },
                ],
              },
            ],
          },
        ],
      },
    };
    let error: unknown;
    try {
      parseServiceBusConfig(broken, "my/Config.json");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ServiceBusConfigError);
    const text = (error as Error).message;
    expect(text).toContain("my/Config.json");
    expect(text).toContain("UserConfig.Namespaces[0].Queues[0].Properties.LockDuration: expected an ISO 8601 duration");
    expect(text).toContain("UserConfig.Namespaces[0].Queues[0].Properties.MaxDeliveryCount");
    expect(text).toContain("UserConfig.Namespaces[0].Topics[0].Subscriptions[0].Rules[0].Properties.SqlFilter");
    // Schema problems come first; fix those and the semantic ones are all listed together.
    const fixedSchema = structuredClone(broken);
    fixedSchema.UserConfig.Namespaces[0]!.Queues[0]!.Properties = { LockDuration: "PT1M", MaxDeliveryCount: 3 } as never;
    (fixedSchema.UserConfig.Namespaces[0]!.Topics[0]!.Subscriptions[0]!.Rules[0]!.Properties as Record<string, unknown>).SqlFilter = { SqlExpression: "1=1" };
    let second: unknown;
    try {
      parseServiceBusConfig(fixedSchema, "my/Config.json");
    } catch (e) {
      second = e;
    }
    const problems = (second as ServiceBusConfigError).problems;
    expect(problems.some((p) => p.startsWith("UserConfig.Namespaces[0].Queues[1].Name:") && p.includes("not allowed"))).toBe(true);
    expect(problems.some((p) => p.startsWith("UserConfig.Namespaces[0].Queues[2].Name:") && p.includes("already used"))).toBe(true);
    expect(problems.some((p) => p.startsWith("UserConfig.Namespaces[0].Queues[1].Properties.ForwardTo:") && p.includes("nowhere"))).toBe(true);
    expect(problems.some((p) => p.startsWith("UserConfig.Namespaces[0].Topics[0].Subscriptions[1].Rules[0].Properties:") && p.includes("error parsing"))).toBe(true);
  });

  it("start() with a bad config throws before opening any port", async () => {
    await expect(start({ config: { UserConfig: { Namespaces: [] } } })).rejects.toThrow(/UserConfig\.Namespaces: at least one namespace is required/);
  });
});
