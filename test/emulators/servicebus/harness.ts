// Shared set-up for the Service Bus conformance tests: one emulator per test file, an SDK client on it,
// and helpers that create uniquely named entities through the admin API.
import { ServiceBusClient } from "@azure/service-bus";
import { afterAll, beforeAll } from "vitest";
import { start, type RunningServiceBusEmulator, type ServiceBusEmulatorOptions } from "../../../runner/src/emulators/servicebus/index.js";
import {
  createQueue,
  createSubscription,
  createTopic,
  uniqueName,
  type QueuePropertiesConfig,
  type RuleConfig,
  type SubscriptionPropertiesConfig,
  type TopicPropertiesConfig,
} from "../../../runner/src/emulators/servicebus/management/admin-client.js";

export interface Harness {
  emulator: RunningServiceBusEmulator;
  client: ServiceBusClient;
  queue(properties?: QueuePropertiesConfig): Promise<string>;
  topic(properties?: TopicPropertiesConfig): Promise<string>;
  subscription(topic: string, properties?: SubscriptionPropertiesConfig, rules?: RuleConfig[]): Promise<string>;
}

/** Starts an emulator before the file's tests and stops it (and the client) after them. */
export function useServiceBus(options: ServiceBusEmulatorOptions = {}): Harness {
  const harness = {} as Harness;
  beforeAll(async () => {
    harness.emulator = await start(options);
    harness.client = new ServiceBusClient(harness.emulator.env.SERVICEBUS_CONNECTION_STRING, {
      // Fail fast in tests: the SDK's default retries would turn one wrong answer into a minute of waiting.
      retryOptions: { maxRetries: 0, timeoutInMs: 10_000 },
    });
    const admin = harness.emulator.adminUrl;
    harness.queue = async (properties = {}) => {
      const name = uniqueName("q");
      await createQueue(admin, name, properties);
      return name;
    };
    harness.topic = async (properties = {}) => {
      const name = uniqueName("t");
      await createTopic(admin, name, properties);
      return name;
    };
    harness.subscription = async (topic, properties = {}, rules) => {
      const name = uniqueName("s");
      await createSubscription(admin, topic, name, properties, rules);
      return name;
    };
  });
  afterAll(async () => {
    await harness.client?.close();
    await harness.emulator?.stop();
  });
  return harness;
}

/** Resolves when `check` returns true, polling every 20 ms; fails after `timeoutMs`. */
export async function eventually(check: () => boolean | Promise<boolean>, timeoutMs = 5_000, what = "condition"): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
