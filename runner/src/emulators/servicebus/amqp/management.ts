// The $management request/response operations of an entity, as the SDK sends them
// (https://learn.microsoft.com/azure/service-bus-messaging/service-bus-amqp-request-response).
import rhea, { type Message } from "rhea";
import { BrokerError } from "../core/errors.js";
import type { MessageEntity } from "../core/message-entity.js";
import type { Namespace } from "../core/namespace.js";
import type { RuleDefinition, RuleFilter } from "../core/rules.js";
import { toAmqpError } from "./errors.js";
import { bytesToUuid, uuidToBytes } from "./lock-token.js";
import { encodeStored, toContent } from "./message-codec.js";
import { asArray, longArray, longToNumber, timestampArray } from "./wire-values.js";

const { types } = rhea;

// Descriptor codes of rule descriptions in enumerate-rules replies.
const RULE_DESCRIPTION = 1335734829060;
const SQL_FILTER = 83483426822;
const TRUE_FILTER = 83483426823;
const FALSE_FILTER = 83483426824;
const CORRELATION_FILTER = 83483426825;
const EMPTY_RULE_ACTION = 1335734829061;
const SQL_RULE_ACTION = 1335734829062;

export interface ManagementReply {
  status: number;
  body?: unknown;
  condition?: string;
  description?: string;
}

type Body = Record<string, unknown>;

/** Runs one request against the entity at `entityPath` (the address without "/$management"). */
export function handleManagementRequest(namespace: Namespace, entityPath: string, request: Message): ManagementReply {
  const operation = String(request.application_properties?.operation ?? "");
  const body = (request.body ?? {}) as Body;
  try {
    const entity = () => namespace.receivable(entityPath);
    switch (operation) {
      case "com.microsoft:peek-message":
        return peek(entity(), body);
      case "com.microsoft:renew-lock": {
        const e = entity();
        const expirations = lockTokens(body).map((t) => e.renewLock(t));
        return ok({ expirations: timestampArray(expirations) });
      }
      case "com.microsoft:schedule-message":
        return schedule(namespace, entityPath, body);
      case "com.microsoft:cancel-scheduled-message":
        namespace.cancelScheduled(entityPath, asArray(body["sequence-numbers"]).map(longToNumber));
        return ok();
      case "com.microsoft:receive-by-sequence-number":
        return receiveDeferred(entity(), body);
      case "com.microsoft:update-disposition":
        return updateDisposition(entity(), body);
      case "com.microsoft:renew-session-lock":
        return ok({ expiration: new Date(entity().renewSessionLock(String(body["session-id"]))) });
      case "com.microsoft:set-session-state": {
        const state = body["session-state"];
        entity().setSessionState(String(body["session-id"]), Buffer.isBuffer(state) ? state : undefined);
        return ok();
      }
      case "com.microsoft:get-session-state": {
        const state = entity().getSessionState(String(body["session-id"]));
        return ok({ "session-state": state ?? null });
      }
      case "com.microsoft:get-message-sessions": {
        const skip = Number(body.skip ?? 0);
        const top = Number(body.top ?? 100);
        const ids = entity().listSessions().slice(skip, skip + top);
        if (ids.length === 0) return { status: 204, body: {} };
        return ok({ skip: types.wrap_int(skip + ids.length), "sessions-ids": types.wrap_array(ids, 0xa1, undefined) });
      }
      case "com.microsoft:add-rule":
        return addRule(namespace, entityPath, body);
      case "com.microsoft:remove-rule": {
        const { topic, subscription } = subscriptionOf(namespace, entityPath);
        namespace.removeRule(topic, subscription, String(body["rule-name"]));
        return ok();
      }
      case "com.microsoft:enumerate-rules":
        return enumerateRules(namespace, entityPath, body);
      default:
        return {
          status: 501,
          condition: "amqp:not-implemented",
          description: `The $management operation '${operation}' is not supported by the azlab Service Bus emulator.`,
        };
    }
  } catch (error) {
    const amqp = toAmqpError(error);
    return { status: amqp.status, condition: amqp.condition, description: amqp.description };
  }
}

function ok(body: unknown = {}): ManagementReply {
  return { status: 200, body };
}

function lockTokens(body: Body): string[] {
  return asArray(body["lock-tokens"]).map((t) => (Buffer.isBuffer(t) ? bytesToUuid(t) : String(t)));
}

function peek(entity: MessageEntity, body: Body): ManagementReply {
  const from = longToNumber(body["from-sequence-number"] ?? 0);
  const count = Number(body["message-count"] ?? 1);
  const sessionId = body["session-id"] === undefined || body["session-id"] === null ? undefined : String(body["session-id"]);
  const found = entity.peek(from, count, sessionId);
  if (found.length === 0) return { status: 204, body: {} };
  return ok({
    messages: found.map((m) => ({ message: types.wrap_binary(encodeStored(m, m.lock ? { lockedUntil: m.lock.until } : {})) })),
  });
}

function schedule(namespace: Namespace, entityPath: string, body: Body): ManagementReply {
  const entries = asArray(body.messages) as Body[];
  const numbers = entries.map((entry) => {
    const raw = entry.message;
    if (!Buffer.isBuffer(raw)) throw new BrokerError("ArgumentError", "schedule-message: each entry needs an encoded 'message'.");
    const content = toContent(rhea.message.decode(raw) as unknown as Message, raw.length);
    if (content.scheduledEnqueueTime === undefined) {
      throw new BrokerError("ArgumentError", "schedule-message: the message has no x-opt-scheduled-enqueue-time annotation.");
    }
    // A duplicate (or a forwarded message) has no sequence number here; 0 cancels nothing.
    return namespace.send(entityPath, content) ?? 0;
  });
  return ok({ "sequence-numbers": longArray(numbers) });
}

function receiveDeferred(entity: MessageEntity, body: Body): ManagementReply {
  const numbers = asArray(body["sequence-numbers"]).map(longToNumber);
  // receiver-settle-mode 0 = receiveAndDelete, 1 = peekLock (what the SDK sends).
  const receiveAndDelete = Number(body["receiver-settle-mode"] ?? 1) === 0;
  const sessionId = body["session-id"] === undefined || body["session-id"] === null ? undefined : String(body["session-id"]);
  const delivered = entity.receiveDeferred(numbers, receiveAndDelete, sessionId);
  return ok({
    messages: delivered.map((d) => ({
      message: types.wrap_binary(encodeStored(d.message, d.lockedUntil !== undefined ? { lockedUntil: d.lockedUntil } : {})),
      ...(d.lockToken ? { "lock-token": types.wrap_uuid(uuidToBytes(d.lockToken)) } : {}),
    })),
  });
}

function updateDisposition(entity: MessageEntity, body: Body): ManagementReply {
  const status = String(body["disposition-status"]);
  const props = (body["properties-to-modify"] ?? undefined) as Record<string, unknown> | undefined;
  for (const token of lockTokens(body)) {
    switch (status) {
      case "completed":
        entity.complete(token);
        break;
      case "abandoned":
        entity.abandon(token, props);
        break;
      case "defered":
        entity.defer(token, props);
        break;
      case "suspended":
        entity.deadLetter(token, {
          ...(body["deadletter-reason"] != null ? { reason: String(body["deadletter-reason"]) } : {}),
          ...(body["deadletter-description"] != null ? { description: String(body["deadletter-description"]) } : {}),
          ...(props ? { propertiesToModify: props } : {}),
        });
        break;
      default:
        throw new BrokerError("ArgumentError", `Unknown disposition-status '${status}'.`);
    }
  }
  return ok();
}

function subscriptionOf(namespace: Namespace, entityPath: string): { topic: string; subscription: string } {
  const resolved = namespace.resolve(entityPath);
  if (resolved.kind !== "subscription") {
    throw new BrokerError("InvalidOperation", `Rules exist only on subscriptions; '${entityPath}' is not one.`);
  }
  return { topic: resolved.topic.name, subscription: resolved.subscription.name };
}

function addRule(namespace: Namespace, entityPath: string, body: Body): ManagementReply {
  const { topic, subscription } = subscriptionOf(namespace, entityPath);
  const description = (body["rule-description"] ?? {}) as Body;
  const sql = description["sql-filter"] as Body | undefined;
  const correlation = description["correlation-filter"] as Body | undefined;
  const action = description["sql-rule-action"] as Body | undefined;
  let filter: RuleFilter;
  if (sql) {
    filter = { kind: "sql", expression: String(sql.expression ?? "") };
  } else if (correlation) {
    const str = (key: string) => (correlation[key] === undefined || correlation[key] === null ? undefined : String(correlation[key]));
    filter = {
      kind: "correlation",
      correlationId: str("correlation-id"),
      messageId: str("message-id"),
      to: str("to"),
      replyTo: str("reply-to"),
      subject: str("label"),
      sessionId: str("session-id"),
      replyToSessionId: str("reply-to-session-id"),
      contentType: str("content-type"),
      properties: (correlation.properties ?? undefined) as Record<string, unknown> | undefined,
    };
  } else {
    throw new BrokerError("ArgumentError", "add-rule: the rule description needs a sql-filter or a correlation-filter.");
  }
  const rule: RuleDefinition = { name: String(body["rule-name"]), filter };
  if (action && action.expression != null) rule.action = String(action.expression);
  namespace.addRule(topic, subscription, rule);
  return ok();
}

function enumerateRules(namespace: Namespace, entityPath: string, body: Body): ManagementReply {
  const { topic, subscription } = subscriptionOf(namespace, entityPath);
  const skip = Number(body.skip ?? 0);
  const top = Number(body.top ?? 2_147_483_647);
  const rules = namespace.requireSubscription(topic, subscription).listRules().slice(skip, skip + top);
  if (rules.length === 0) return { status: 204, body: {} };
  return ok({ rules: rules.map((r) => ({ "rule-description": describeRule(r) })) });
}

function described(code: number, fields: unknown[]): unknown {
  return types.described(types.wrap_ulong(code), fields.length === 0 ? types.wrap_list([]) : types.wrap_list(fields));
}

function describeRule(rule: RuleDefinition): unknown {
  const f = rule.filter;
  let filter: unknown;
  switch (f.kind) {
    case "true":
      filter = described(TRUE_FILTER, []);
      break;
    case "false":
      filter = described(FALSE_FILTER, []);
      break;
    case "sql":
      filter = described(SQL_FILTER, [f.expression, types.wrap_int(20)]);
      break;
    case "correlation":
      filter = described(CORRELATION_FILTER, [
        f.correlationId ?? null,
        f.messageId ?? null,
        f.to ?? null,
        f.replyTo ?? null,
        f.subject ?? null,
        f.sessionId ?? null,
        f.replyToSessionId ?? null,
        f.contentType ?? null,
        types.wrap_map(f.properties ?? {}),
      ]);
      break;
  }
  const action = rule.action ? described(SQL_RULE_ACTION, [rule.action, types.wrap_int(20)]) : described(EMPTY_RULE_ACTION, []);
  return described(RULE_DESCRIPTION, [filter, action, rule.name]);
}
