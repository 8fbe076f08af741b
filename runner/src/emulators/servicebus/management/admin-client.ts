// A typed client for the emulator's admin API, for lab and conformance tests that create their own entities.
import { randomBytes } from "node:crypto";
import type {
  QueuePropertiesConfig,
  RuleConfig,
  RulePropertiesConfig,
  SubscriptionPropertiesConfig,
  TopicPropertiesConfig,
} from "../config/config-schema.js";
import type { EntityCounts } from "../core/message-entity.js";

export type { EntityCounts } from "../core/message-entity.js";
export type { QueuePropertiesConfig, RuleConfig, RulePropertiesConfig, SubscriptionPropertiesConfig, TopicPropertiesConfig };

export class AdminApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "AdminApiError";
  }
}

/** A name no other test will pick: `prefix-` + 8 random hex characters. */
export function uniqueName(prefix = "azlab"): string {
  return `${prefix}-${randomBytes(4).toString("hex")}`;
}

async function call(adminUrl: string, method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(new URL(path, adminUrl), {
    method,
    ...(body !== undefined ? { body: JSON.stringify(body), headers: { "content-type": "application/json" } } : {}),
  });
  const text = await response.text();
  const json = text ? (JSON.parse(text) as unknown) : undefined;
  if (!response.ok) {
    const error = (json as { error?: { code?: string; message?: string } } | undefined)?.error;
    throw new AdminApiError(response.status, error?.code ?? "Error", error?.message ?? `${method} ${path} failed with ${response.status}`);
  }
  return json;
}

const seg = encodeURIComponent;

export async function createQueue(adminUrl: string, name: string, properties: QueuePropertiesConfig = {}): Promise<void> {
  await call(adminUrl, "PUT", `/queues/${seg(name)}`, { Properties: properties });
}

export async function createTopic(adminUrl: string, name: string, properties: TopicPropertiesConfig = {}): Promise<void> {
  await call(adminUrl, "PUT", `/topics/${seg(name)}`, { Properties: properties });
}

/** Without rules the subscription gets Azure's `$Default` rule (a true filter). */
export async function createSubscription(
  adminUrl: string,
  topic: string,
  name: string,
  properties: SubscriptionPropertiesConfig = {},
  rules?: RuleConfig[],
): Promise<void> {
  await call(adminUrl, "PUT", `/topics/${seg(topic)}/subscriptions/${seg(name)}`, {
    Properties: properties,
    ...(rules ? { Rules: rules } : {}),
  });
}

export async function createRule(
  adminUrl: string,
  topic: string,
  subscription: string,
  name: string,
  properties: RulePropertiesConfig,
): Promise<void> {
  await call(adminUrl, "PUT", `/topics/${seg(topic)}/subscriptions/${seg(subscription)}/rules/${seg(name)}`, { Properties: properties });
}

export async function deleteRule(adminUrl: string, topic: string, subscription: string, name: string): Promise<void> {
  await call(adminUrl, "DELETE", `/topics/${seg(topic)}/subscriptions/${seg(subscription)}/rules/${seg(name)}`);
}

/** Deletes a queue, a topic (with its subscriptions) or a subscription (`topic/Subscriptions/name`). */
export async function deleteEntity(adminUrl: string, path: string): Promise<void> {
  await call(adminUrl, "DELETE", `/entities?path=${seg(path)}`);
}

/** Message counts of a queue or subscription (`topic/Subscriptions/name`). */
export async function getEntityCounts(adminUrl: string, path: string): Promise<EntityCounts> {
  const body = (await call(adminUrl, "GET", `/entities?path=${seg(path)}`)) as { Counts: EntityCounts };
  return body.Counts;
}
