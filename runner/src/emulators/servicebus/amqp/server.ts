// The AMQP 1.0 side of the broker, on rhea: SASL, CBS claims, and links to entities and $management.
import { randomUUID } from "node:crypto";
import { createRequire } from "node:module";
import type { Socket } from "node:net";
import rhea, { type Connection, type EventContext, type Message, type Receiver, type Sender } from "rhea";
import { BrokerError, brokerErrors } from "../core/errors.js";
import type { MessageEntity } from "../core/message-entity.js";
import type { Namespace } from "../core/namespace.js";
import { stateOf, type ConnectionState } from "./connection-state.js";
import { EntityReceiver, newConsumerId } from "./entity-receiver.js";
import { openFrontDoor } from "./front-door.js";
import { toAmqpError } from "./errors.js";
import { handleManagementRequest } from "./management.js";
import { decodeTransfer, toContent } from "./message-codec.js";
import { holdAttach, internals } from "./rhea-internals.js";
import { audiencePath, covers, verifySasToken, type SasKey } from "./sas.js";
import { toTicksLong } from "./wire-values.js";

const CBS = "$cbs";
const MANAGEMENT_SUFFIX = "/$management";
const SESSION_FILTER = "com.microsoft:session-filter";
/** Azure's cap on how long an accept-next-session attach may wait, when the client names none. */
const DEFAULT_SESSION_WAIT_MS = 65_000;
/** How long stop() waits for clients to close their connections before cutting them. */
const STOP_GRACE_MS = 300;

// rhea's Connection class is not in its typings; we accept sockets ourselves so the port can be shared (front-door.ts).
const RheaConnection = createRequire(import.meta.url)("rhea/lib/connection.js") as new (
  options: Record<string, unknown>,
  container: unknown,
) => { accept(socket: Socket): void };

export interface AmqpServerOptions {
  namespace: Namespace;
  host: string;
  port: number;
  keys: SasKey[];
  /** Receives TLS connections on the same port (HTTPS management); absent = refuse them. */
  onTls?(socket: Socket): void;
}

export interface AmqpServer {
  port: number;
  /** Open AMQP connections right now. */
  connectionCount(): number;
  close(): Promise<void>;
}

export async function startAmqpServer(options: AmqpServerOptions): Promise<AmqpServer> {
  const { namespace, keys } = options;
  const container = rhea.create_container({ id: `azlab-servicebus-${randomUUID()}` });
  container.sasl_server_mechanisms.enable_anonymous();
  // The SDK authenticates with CBS tokens, not SASL; accept PLAIN too so other AMQP clients can connect.
  container.sasl_server_mechanisms.enable_plain(() => true);
  const connections = new Set<Connection>();
  const limit = namespace.limits.maxMessageSizeBytes;

  container.on("sender_open", (ctx: EventContext) => guard(ctx, () => onClientReceiver(ctx)));
  container.on("receiver_open", (ctx: EventContext) => guard(ctx, () => onClientSender(ctx)));
  container.on("sender_close", (ctx: EventContext) => forgetSender(ctx));
  // A client may end an AMQP session without detaching its links first: those receivers are gone too.
  container.on("session_close", (ctx: EventContext) => {
    const state = stateOf(ctx.connection);
    for (const link of [...state.receivers.keys(), ...state.pendingSessions.keys()]) {
      if ((link as unknown as { session: unknown }).session === ctx.session) forget(state, link);
    }
  });
  container.on("connection_open", (ctx: EventContext) => connections.add(ctx.connection));
  container.on("disconnected", (ctx: EventContext) => {
    connections.delete(ctx.connection);
    stateOf(ctx.connection).dispose();
  });
  container.on("connection_close", (ctx: EventContext) => {
    connections.delete(ctx.connection);
    stateOf(ctx.connection).dispose();
    ctx.connection.close();
  });
  // Link and connection errors reach us as events; a broker must never crash on a client's mistake.
  container.on("error", () => undefined);
  container.on("sender_error", () => undefined);
  container.on("receiver_error", () => undefined);
  container.on("session_error", () => undefined);
  container.on("connection_error", () => undefined);
  // Not AMQP at all (a TLS or HTTP client on this port): rhea would print the bytes to stderr otherwise.
  container.on("protocol_error", () => undefined);

  function guard(ctx: EventContext, run: () => void): void {
    try {
      run();
    } catch (error) {
      const link = ctx.sender ?? ctx.receiver;
      const amqp = toAmqpError(error);
      link?.close({ condition: amqp.condition, description: amqp.description });
    }
  }

  /** The client opens a receiver: we send on it (entity deliveries, or replies to $cbs / $management). */
  function onClientReceiver(ctx: EventContext): void {
    const link = ctx.sender as Sender;
    const state = stateOf(ctx.connection);
    const raw = internals(link);
    const remote = raw.remote.attach ?? {};
    const address = remote.source?.address ?? "";
    raw.local.attach.snd_settle_mode = remote.snd_settle_mode ?? 0;
    raw.local.attach.rcv_settle_mode = remote.rcv_settle_mode ?? 0;
    if (remote.target?.address) link.set_target({ address: remote.target.address });
    if (address === CBS || address.endsWith(MANAGEMENT_SUFFIX)) {
      link.set_source({ address });
      state.replyLinks.set(raw.name, link);
      if (remote.target?.address) state.replyLinks.set(remote.target.address, link);
      return;
    }
    requireClaim(state, address);
    const entity = namespace.receivable(address);
    const filter = remote.source?.filter;
    if (filter && SESSION_FILTER in filter) {
      const requested = unwrapValue(filter[SESSION_FILTER]);
      const properties = remote.properties ?? {};
      const timeout = Number(unwrapValue(properties["com.microsoft:timeout"]) ?? DEFAULT_SESSION_WAIT_MS);
      openSessionReceiver(ctx.connection, link, entity, address, requested === undefined || requested === null ? undefined : String(requested), timeout);
      return;
    }
    link.set_source({ address });
    const receiver = new EntityReceiver(newConsumerId(), link, entity, undefined, () => state.receivers.delete(link));
    entity.addConsumer(receiver);
    state.receivers.set(link, receiver);
  }

  function openSessionReceiver(
    connection: Connection,
    link: Sender,
    entity: MessageEntity,
    address: string,
    sessionId: string | undefined,
    timeoutMs: number,
  ): void {
    const state = stateOf(connection);
    const owner = newConsumerId();
    holdAttach(link);
    let cancelled = false;
    state.pendingSessions.set(link, () => {
      cancelled = true;
      entity.sessions.cancelWaits(owner);
    });
    entity
      .acceptSession(sessionId, owner, timeoutMs)
      .then((lock) => {
        state.pendingSessions.delete(link);
        if (cancelled) {
          entity.sessions.release(lock.sessionId, owner);
          return;
        }
        link.set_source({ address, filter: { [SESSION_FILTER]: lock.sessionId } });
        internals(link).local.attach.properties = { "com.microsoft:locked-until-utc": toTicksLong(lock.until) };
        link.open();
        const receiver = new EntityReceiver(owner, link, entity, lock.sessionId, () => state.receivers.delete(link));
        state.receivers.set(link, receiver);
        entity.addConsumer(receiver);
      })
      .catch((error: unknown) => {
        state.pendingSessions.delete(link);
        if (cancelled) return;
        // Azure answers with an attach without source, then detaches with the reason.
        link.open();
        const amqp = toAmqpError(error);
        link.close({ condition: amqp.condition, description: amqp.description });
      });
  }

  /** The client opens a sender: it sends to an entity, or requests to $cbs / $management. */
  function onClientSender(ctx: EventContext): void {
    const link = ctx.receiver as Receiver;
    const state = stateOf(ctx.connection);
    const raw = internals(link);
    const remote = raw.remote.attach ?? {};
    const address = remote.target?.address ?? "";
    raw.local.attach.max_message_size = limit;
    link.set_target({ address });
    if (remote.source?.address) link.set_source({ address: remote.source.address });
    if (address === CBS) {
      link.on("message", (mctx: EventContext) => onCbsRequest(state, mctx));
      return;
    }
    if (address.endsWith(MANAGEMENT_SUFFIX)) {
      const entityPath = address.slice(0, -MANAGEMENT_SUFFIX.length);
      link.on("message", (mctx: EventContext) => onManagementRequest(state, entityPath, address, mctx));
      return;
    }
    requireClaim(state, address);
    const resolved = namespace.resolve(address);
    if (resolved.kind !== "queue" && resolved.kind !== "topic") {
      throw new BrokerError("InvalidOperation", `Cannot send to '${address}': send to its queue or topic instead.`);
    }
    link.on("message", (mctx: EventContext) => onTransfer(address, mctx));
  }

  function requireClaim(state: ConnectionState, address: string): void {
    if (!state.isAuthorized(address, namespace.now())) {
      throw new BrokerError("Unauthorized", `Unauthorized access. A valid token (put-token on $cbs) is required for '${address}'.`);
    }
  }

  function onTransfer(address: string, ctx: EventContext): void {
    const delivery = ctx.delivery!;
    try {
      const { messages, size } = decodeTransfer(ctx as { message?: unknown; format?: number });
      if (size > limit) throw brokerErrors.messageTooLarge(size, limit);
      for (const { message, size: own } of messages) namespace.send(address, toContent(message, own));
      delivery.accept();
    } catch (error) {
      const amqp = toAmqpError(error);
      delivery.reject({ condition: amqp.condition, description: amqp.description });
    }
  }

  function reply(state: ConnectionState, request: Message, message: Message): void {
    const link = state.replyLinks.get(String(request.reply_to ?? ""));
    if (!link) return;
    link.send({ ...message, correlation_id: request.message_id });
  }

  function onCbsRequest(state: ConnectionState, ctx: EventContext): void {
    const request = ctx.message!;
    ctx.delivery?.accept();
    const props = request.application_properties ?? {};
    const audience = String(props.name ?? "");
    const answer = (code: number, description: string) =>
      reply(state, request, { application_properties: { "status-code": code, "status-description": description } } as unknown as Message);
    if (props.operation !== "put-token") return answer(400, `Unsupported CBS operation '${String(props.operation)}'.`);
    const token = Buffer.isBuffer(request.body) ? request.body.toString("utf8") : String(request.body ?? "");
    const check = verifySasToken(token, keys, namespace.now());
    if (!check.ok) return answer(401, `Unauthorized access. ${check.reason}`);
    const path = audiencePath(audience);
    if (!covers(audiencePath(check.resource), path)) {
      return answer(401, `Unauthorized access. InvalidAudience: the token for '${check.resource}' does not cover '${audience}'.`);
    }
    const entityPath = path.endsWith(MANAGEMENT_SUFFIX) ? path.slice(0, -MANAGEMENT_SUFFIX.length) : path;
    if (entityPath !== "") {
      try {
        namespace.resolve(entityPath);
      } catch {
        // Azure refuses the claim for an entity that does not exist; the SDK reports MessagingEntityNotFound.
        return answer(404, brokerErrors.entityNotFound(audience.replace(/\/\$management$/i, "")).message);
      }
    }
    state.addClaim(path, check.expiresAt);
    answer(202, "Accepted");
  }

  function onManagementRequest(state: ConnectionState, entityPath: string, address: string, ctx: EventContext): void {
    const request = ctx.message!;
    ctx.delivery?.accept();
    if (!state.isAuthorized(address, namespace.now())) {
      reply(state, request, {
        application_properties: {
          statusCode: 401,
          errorCondition: "amqp:unauthorized-access",
          statusDescription: `Unauthorized access. A valid token is required for '${address}'.`,
        },
      } as unknown as Message);
      return;
    }
    const result = handleManagementRequest(namespace, entityPath, request);
    const applicationProperties: Record<string, unknown> = { statusCode: result.status };
    if (result.description) applicationProperties.statusDescription = result.description;
    if (result.condition) applicationProperties.errorCondition = result.condition;
    reply(state, request, { application_properties: applicationProperties, body: result.body ?? {} } as unknown as Message);
  }

  function forgetSender(ctx: EventContext): void {
    forget(stateOf(ctx.connection), ctx.sender as Sender);
  }

  function forget(state: ConnectionState, link: Sender): void {
    state.pendingSessions.get(link)?.();
    state.pendingSessions.delete(link);
    const receiver = state.receivers.get(link);
    receiver?.detached();
    state.receivers.delete(link);
  }

  const connectionOptions = {
    sender_options: { autosettle: false, treat_modified_as_released: false },
    receiver_options: { autoaccept: false },
  };
  const door = await openFrontDoor({
    host: options.host,
    port: options.port,
    onAmqp: (socket) => new RheaConnection(connectionOptions, container).accept(socket),
    ...(options.onTls ? { onTls: options.onTls } : {}),
  });
  const { port, sockets } = door;

  return {
    port,
    connectionCount: () => sockets.size,
    close: async () => {
      const closed = door.close();
      // Close politely so clients shut down at once instead of retrying; then cut whatever is left.
      for (const connection of connections) {
        connection.close({ condition: "amqp:connection:forced", description: "The Service Bus emulator is stopping." });
      }
      const deadline = Date.now() + STOP_GRACE_MS;
      while (connections.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}

/** Filter and property values may arrive still wrapped in rhea's typed form. */
function unwrapValue(value: unknown): unknown {
  if (value && typeof value === "object" && "value" in value && !Buffer.isBuffer(value)) return (value as { value: unknown }).value;
  return value;
}
