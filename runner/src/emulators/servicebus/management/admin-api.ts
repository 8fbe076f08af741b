// The small management HTTP API (JSON in, JSON out) that creates and deletes entities at run time, with
// Config.json's property names. Routes are listed in README.md; errors are { error: { code, message, problems? } }.
import { BrokerError } from "../core/errors.js";
import type { Namespace } from "../core/namespace.js";
import type { MessageEntity } from "../core/message-entity.js";
import {
  queuePropertiesSchema,
  ruleSchema,
  rulePropertiesSchema,
  subscriptionPropertiesSchema,
  topicPropertiesSchema,
} from "../config/config-schema.js";
import { queueProperties, ruleDefinition, subscriptionProperties, topicProperties } from "../config/to-core.js";
import { z } from "zod";

export interface ApiResponse {
  status: number;
  body?: unknown;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly problems?: string[],
  ) {
    super(message);
  }
}

const statusOf: Record<string, number> = {
  MessagingEntityNotFound: 404,
  MessagingEntityAlreadyExists: 409,
  QuotaExceeded: 403,
  ArgumentError: 400,
  InvalidOperation: 400,
};

const queueBody = z.object({ Properties: queuePropertiesSchema.optional() }).loose();
const topicBody = z.object({ Properties: topicPropertiesSchema.optional() }).loose();
const subscriptionBody = z
  .object({ Properties: subscriptionPropertiesSchema.optional(), Rules: z.array(ruleSchema).optional() })
  .loose();
const ruleBody = z.object({ Properties: rulePropertiesSchema }).loose();

function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body ?? {});
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `${i.path.map(String).join(".") || "(body)"}: ${i.message}`);
  throw new ApiError(400, "InvalidRequestBody", `The request body is not valid: ${problems.join("; ")}`, problems);
}

function describe(entity: MessageEntity) {
  const p = entity.properties;
  return {
    Path: entity.path,
    Properties: {
      LockDurationMs: p.lockDurationMs,
      MaxDeliveryCount: p.maxDeliveryCount,
      RequiresSession: p.requiresSession,
      DeadLetteringOnMessageExpiration: p.deadLetteringOnMessageExpiration,
      ForwardTo: p.forwardTo ?? null,
      ForwardDeadLetteredMessagesTo: p.forwardDeadLetteredMessagesTo ?? null,
    },
    Counts: entity.counts(),
  };
}

/** Handles one request; `segments` are the decoded path segments. Throws ApiError for 4xx. */
export function handleAdminRequest(namespace: Namespace, method: string, segments: string[], query: URLSearchParams, body: unknown): ApiResponse {
  try {
    return route(namespace, method, segments, query, body);
  } catch (error) {
    if (error instanceof BrokerError) {
      throw new ApiError(statusOf[error.code] ?? 400, error.code, error.message);
    }
    throw error;
  }
}

function route(namespace: Namespace, method: string, s: string[], query: URLSearchParams, body: unknown): ApiResponse {
  const [collection, name, sub, subName, rules, ruleName] = s;
  if (s.length === 0 && method === "GET") {
    return {
      status: 200,
      body: {
        Namespace: namespace.name,
        Queues: namespace.listQueues().map((q) => q.path),
        Topics: namespace.listTopics().map((t) => ({ Name: t.name, Subscriptions: [...t.subscriptions.values()].map((x) => x.name) })),
      },
    };
  }
  if (collection === "entities" && s.length === 1) {
    const path = query.get("path");
    if (!path) throw new ApiError(400, "MissingPath", "Add ?path=<queue | topic | topic/Subscriptions/name> to the URL.");
    return entityByPath(namespace, method, path);
  }
  if (collection === "queues" && name !== undefined && s.length === 2) {
    if (method === "PUT") {
      const parsed = parseBody(queueBody, body);
      return { status: 201, body: describe(namespace.createQueue(name, queueProperties(parsed.Properties))) };
    }
    if (method === "GET") return { status: 200, body: describe(requireQueue(namespace, name)) };
    if (method === "DELETE") {
      namespace.deleteQueue(name);
      return { status: 204 };
    }
  }
  if (collection === "topics" && name !== undefined && s.length === 2) {
    if (method === "PUT") {
      const parsed = parseBody(topicBody, body);
      const topic = namespace.createTopic(name, topicProperties(parsed.Properties));
      return { status: 201, body: { Name: topic.name } };
    }
    if (method === "GET") {
      const topic = namespace.requireTopic(name);
      return { status: 200, body: { Name: topic.name, Subscriptions: [...topic.subscriptions.values()].map((x) => x.name) } };
    }
    if (method === "DELETE") {
      namespace.deleteTopic(name);
      return { status: 204 };
    }
  }
  if (collection === "topics" && name !== undefined && sub === "subscriptions" && subName !== undefined) {
    if (s.length === 4) {
      if (method === "PUT") {
        const parsed = parseBody(subscriptionBody, body);
        const created = namespace.createSubscription(
          name,
          subName,
          subscriptionProperties(parsed.Properties),
          (parsed.Rules ?? []).map(ruleDefinition),
        );
        return { status: 201, body: { ...describe(created.entity), Rules: created.listRules() } };
      }
      if (method === "GET") {
        const found = namespace.requireSubscription(name, subName);
        return { status: 200, body: { ...describe(found.entity), Rules: found.listRules() } };
      }
      if (method === "DELETE") {
        namespace.deleteSubscription(name, subName);
        return { status: 204 };
      }
    }
    if (rules === "rules" && ruleName !== undefined && s.length === 6) {
      if (method === "PUT") {
        const parsed = parseBody(ruleBody, body);
        namespace.addRule(name, subName, ruleDefinition({ Name: ruleName, Properties: parsed.Properties }));
        return { status: 201, body: { Name: ruleName } };
      }
      if (method === "DELETE") {
        namespace.removeRule(name, subName, ruleName);
        return { status: 204 };
      }
    }
  }
  throw new ApiError(404, "NoSuchRoute", `No route for ${method} /${s.map(encodeURIComponent).join("/")}. See the Service Bus emulator README for the routes.`);
}

function requireQueue(namespace: Namespace, name: string): MessageEntity {
  const queue = namespace.getQueue(name);
  if (!queue) throw new ApiError(404, "MessagingEntityNotFound", `The queue '${name}' could not be found.`);
  return queue;
}

function entityByPath(namespace: Namespace, method: string, path: string): ApiResponse {
  const resolved = namespace.resolve(path);
  if (method === "GET") {
    if (resolved.kind === "topic") return { status: 200, body: { Name: resolved.topic.name, ScheduledMessageCount: resolved.topic.scheduledCount } };
    return { status: 200, body: describe(resolved.entity) };
  }
  if (method === "DELETE") {
    if (resolved.kind === "queue") namespace.deleteQueue(resolved.entity.path);
    else if (resolved.kind === "topic") namespace.deleteTopic(resolved.topic.name);
    else if (resolved.kind === "subscription") namespace.deleteSubscription(resolved.topic.name, resolved.subscription.name);
    else throw new ApiError(400, "InvalidOperation", "A dead-letter queue is deleted with its queue or subscription.");
    return { status: 204 };
  }
  throw new ApiError(405, "MethodNotAllowed", `${method} is not supported on /entities (use GET or DELETE).`);
}
