// A client's receiver link, served by the broker: a core Consumer that transfers messages within the credit
// the client grants, and turns the client's dispositions into complete / abandon / defer / dead-letter.
import rhea, { type Delivery, type EventContext, type Sender } from "rhea";
import type { BrokerError } from "../core/errors.js";
import type { Consumer, MessageEntity } from "../core/message-entity.js";
import type { StoredMessage } from "../core/message.js";
import { toAmqpError } from "./errors.js";
import { bytesToUuid, lockTokenToDeliveryTag, swapGuidOrder } from "./lock-token.js";
import { encodeStored } from "./message-codec.js";
import { internals } from "./rhea-internals.js";

// rhea's typings omit the outcome constructors it exports.
const outcomes = rhea.message as unknown as {
  accepted(): { described(): unknown };
  released(): { described(): unknown };
  rejected(fields: unknown): { described(): unknown };
};

/** Reclaim expired deliveries when fewer window slots than this are free. */
const RECLAIM_BELOW = 64;

function finish(delivery: Delivery): void {
  (delivery as unknown as { remote_settled: boolean }).remote_settled = true;
}

let nextConsumerId = 1;

export function newConsumerId(): number {
  return nextConsumerId++;
}

export class EntityReceiver implements Consumer {
  readonly receiveAndDelete: boolean;
  // Credit accounting of our own: rhea lowers link.credit only when a transfer is written (next tick),
  // so counting our sends keeps a burst of deliveries inside what the client granted.
  private limit = 0;
  private sent = 0;
  private tag = 0;
  private closed = false;
  /** Unsettled peek-lock deliveries by lock token. */
  private readonly unsettled = new Map<string, Delivery>();

  constructor(
    readonly id: number,
    private readonly link: Sender,
    private readonly entity: MessageEntity,
    readonly sessionId: string | undefined,
    private readonly onGone: (receiver: EntityReceiver) => void,
  ) {
    this.receiveAndDelete = internals(link).local.attach.snd_settle_mode === 1;
    link.on("sender_flow", () => this.onFlow());
    link.on("sender_draining", () => this.onDraining());
    link.on("sendable", () => this.entity.pump());
    link.on("accepted", (ctx: EventContext) => this.settle(ctx, (token) => this.entity.complete(token)));
    link.on("released", (ctx: EventContext) => this.settle(ctx, (token) => this.entity.abandon(token)));
    link.on("modified", (ctx: EventContext) => {
      const state = (ctx.delivery?.remote_state ?? {}) as { undeliverable_here?: boolean; message_annotations?: Record<string, unknown> };
      const props = state.message_annotations ?? undefined;
      // The SDK sends defer as modified + undeliverable_here, abandon as modified without it.
      this.settle(ctx, (token) => (state.undeliverable_here ? this.entity.defer(token, props) : this.entity.abandon(token, props)));
    });
    link.on("rejected", (ctx: EventContext) => {
      const error = ((ctx.delivery?.remote_state ?? {}) as { error?: { info?: Record<string, unknown> } }).error;
      const info = { ...(error?.info ?? {}) };
      const reason = info.DeadLetterReason;
      const description = info.DeadLetterErrorDescription;
      delete info.DeadLetterReason;
      delete info.DeadLetterErrorDescription;
      this.settle(ctx, (token) =>
        this.entity.deadLetter(token, {
          ...(reason != null ? { reason: String(reason) } : {}),
          ...(description != null ? { description: String(description) } : {}),
          ...(Object.keys(info).length > 0 ? { propertiesToModify: info } : {}),
        }),
      );
    });
  }

  credit(): number {
    if (this.closed || !this.link.is_open()) return 0;
    const outgoing = internals(this.link).session.outgoing;
    if (outgoing.available() < RECLAIM_BELOW) this.reclaim();
    return Math.min(this.limit - this.sent, outgoing.available());
  }

  deliver(message: StoredMessage, lockedUntil: number | undefined): void {
    this.sent++;
    const token = message.lock?.token;
    const tag = token && lockedUntil !== undefined ? lockTokenToDeliveryTag(token) : Buffer.from(String(this.tag++));
    const encoded = encodeStored(message, lockedUntil !== undefined ? { lockedUntil } : {});
    const delivery = this.link.send(encoded, tag, 0);
    if (token && lockedUntil !== undefined) this.unsettled.set(token, delivery);
  }

  lost(error: BrokerError): void {
    if (this.closed) return;
    this.closed = true;
    const amqp = toAmqpError(error);
    this.link.close({ condition: amqp.condition, description: amqp.description });
    this.onGone(this);
  }

  /** The client detached or disconnected. */
  detached(): void {
    if (this.closed) return;
    this.closed = true;
    this.entity.removeConsumer(this);
  }

  private onFlow(): void {
    const link = internals(this.link);
    this.limit = link.credit + link.delivery_count;
    this.entity.pump();
  }

  private onDraining(): void {
    this.entity.pump();
    // Nothing more to give: hand back the rest of the credit so the client's receiveMessages() returns now.
    if (this.limit > this.sent) {
      this.sent = this.limit;
      this.link.set_drained(true);
    }
  }

  private settle(ctx: EventContext, action: (lockToken: string) => void): void {
    const delivery = ctx.delivery as Delivery | undefined;
    if (!delivery || this.receiveAndDelete) return;
    const tag = (delivery as unknown as { tag: Buffer }).tag;
    const token = bytesToUuid(swapGuidOrder(Buffer.from(tag)));
    this.unsettled.delete(token);
    try {
      action(token);
      // Settle with the client's own outcome, except a dead-letter rejection: the SDK would read its error as a failure.
      const state = delivery.remote_state as { error?: unknown; described?: () => unknown } | undefined;
      delivery.update(true, state?.described && !state.error ? state.described() : outcomes.accepted().described());
    } catch (error) {
      const amqp = toAmqpError(error);
      delivery.update(true, outcomes.rejected({ error: { condition: amqp.condition, description: amqp.description } }).described());
    }
    finish(delivery);
  }

  /**
   * rhea keeps a delivery in its session window until both ends settled it. The SDK (receiver settles second)
   * never sends a settlement after ours, and a delivery whose lock expired is never settled by anyone; both
   * would fill the window (2,048) and stall the link, so we retire them ourselves.
   */
  private reclaim(): void {
    for (const [token, delivery] of this.unsettled) {
      if (this.entity.holdsLock(token)) continue;
      this.unsettled.delete(token);
      delivery.update(true, outcomes.released().described());
      finish(delivery);
    }
  }
}
