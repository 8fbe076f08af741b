// What the broker remembers per AMQP connection: CBS claims, reply links and the receivers it serves.
import type { Connection, Sender } from "rhea";
import type { EntityReceiver } from "./entity-receiver.js";
import { covers } from "./sas.js";

interface Claim {
  path: string;
  expiresAt: number;
}

export class ConnectionState {
  private claims: Claim[] = [];
  /** Reply links by link name and by target address (the request's reply_to names one of them). */
  readonly replyLinks = new Map<string, Sender>();
  readonly receivers = new Map<Sender, EntityReceiver>();
  /** Links waiting for a session; `cancel` gives the wait up when the link or connection goes away. */
  readonly pendingSessions = new Map<Sender, () => void>();

  addClaim(path: string, expiresAt: number): void {
    this.claims = this.claims.filter((c) => c.path !== path);
    this.claims.push({ path, expiresAt });
  }

  isAuthorized(path: string, now: number): boolean {
    const wanted = path.toLowerCase();
    return this.claims.some((c) => c.expiresAt > now && covers(c.path, wanted));
  }

  /** Everything this connection held is released (disconnect or close). */
  dispose(): void {
    for (const cancel of this.pendingSessions.values()) cancel();
    this.pendingSessions.clear();
    for (const receiver of this.receivers.values()) receiver.detached();
    this.receivers.clear();
    this.replyLinks.clear();
  }
}

const states = new WeakMap<Connection, ConnectionState>();

export function stateOf(connection: Connection): ConnectionState {
  let state = states.get(connection);
  if (!state) {
    state = new ConnectionState();
    states.set(connection, state);
  }
  return state;
}
