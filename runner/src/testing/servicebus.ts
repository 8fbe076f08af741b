// Helpers for lab tests that need their own Service Bus entities: unique names, created through azlab's
// admin API when the embedded emulator runs, or through ServiceBusAdministrationClient against a real
// namespace (SERVICEBUS_CONNECTION_STRING without AZLAB_SERVICEBUS_ADMIN_URL).
import { ServiceBusAdministrationClient } from "@azure/service-bus";
import {
  createQueue,
  createRule,
  createSubscription,
  createTopic,
  deleteEntity,
  uniqueName,
  type QueuePropertiesConfig,
  type RuleConfig,
  type SubscriptionPropertiesConfig,
  type TopicPropertiesConfig,
} from "../emulators/servicebus/management/admin-client.js";

export { uniqueName };
export type { QueuePropertiesConfig, SubscriptionPropertiesConfig, TopicPropertiesConfig, RuleConfig };

export function serviceBusConnectionString(): string {
  const value = process.env.SERVICEBUS_CONNECTION_STRING;
  if (!value) {
    throw new Error("SERVICEBUS_CONNECTION_STRING is not set. Run the tests with `npm test` inside the lab (azlab starts the emulator), or set it to your namespace.");
  }
  return value;
}

const adminUrl = () => process.env.AZLAB_SERVICEBUS_ADMIN_URL;

/** ISO 8601 durations as Config.json writes them ("PT1S") to the administration client's form (same). */
function adminClient(): ServiceBusAdministrationClient {
  return new ServiceBusAdministrationClient(serviceBusConnectionString());
}

export async function createTestQueue(prefix: string, properties: QueuePropertiesConfig = {}): Promise<string> {
  const name = uniqueName(prefix);
  const url = adminUrl();
  if (url) await createQueue(url, name, properties);
  else {
    await adminClient().createQueue(name, {
      lockDuration: properties.LockDuration,
      maxDeliveryCount: properties.MaxDeliveryCount,
      requiresSession: properties.RequiresSession,
      requiresDuplicateDetection: properties.RequiresDuplicateDetection,
      duplicateDetectionHistoryTimeWindow: properties.DuplicateDetectionHistoryTimeWindow,
      deadLetteringOnMessageExpiration: properties.DeadLetteringOnMessageExpiration,
      defaultMessageTimeToLive: properties.DefaultMessageTimeToLive,
    });
  }
  return name;
}

export async function createTestTopic(prefix: string, properties: TopicPropertiesConfig = {}): Promise<string> {
  const name = uniqueName(prefix);
  const url = adminUrl();
  if (url) await createTopic(url, name, properties);
  else await adminClient().createTopic(name);
  return name;
}

export async function createTestSubscription(
  topic: string,
  name: string,
  properties: SubscriptionPropertiesConfig = {},
  rules?: RuleConfig[],
): Promise<string> {
  const url = adminUrl();
  if (url) await createSubscription(url, topic, name, properties, rules);
  else {
    await adminClient().createSubscription(topic, name, {
      lockDuration: properties.LockDuration,
      maxDeliveryCount: properties.MaxDeliveryCount,
      requiresSession: properties.RequiresSession,
    });
  }
  return name;
}

export { createRule, deleteEntity };
