// rhea's typings leave out link fields a server needs (attach frames, credit accounting, endpoint state).
// These views name exactly the internals this adapter touches, so a rhea upgrade that moves them fails here.
import type { Receiver, Sender } from "rhea";

export interface AttachFrame {
  name?: string;
  source?: { address?: string; filter?: Record<string, unknown> } | null;
  target?: { address?: string } | null;
  snd_settle_mode?: number;
  rcv_settle_mode?: number;
  max_message_size?: number;
  properties?: Record<string, unknown>;
}

export interface LinkInternals {
  name: string;
  local: { attach: AttachFrame };
  remote: { attach?: AttachFrame };
  credit: number;
  delivery_count: number;
  state: { local_open: boolean; open_requests: number };
  session: { outgoing: { available(): number } };
  set_source(fields: Record<string, unknown>): void;
  set_target(fields: Record<string, unknown>): void;
}

export function internals(link: Sender | Receiver): LinkInternals {
  return link as unknown as LinkInternals;
}

/**
 * rhea answers an attach as soon as it arrives. A receiver asking for "the next available session" must
 * wait until one frees up, so we take back the pending answer and re-open later (link.open()).
 */
export function holdAttach(link: Sender | Receiver): void {
  const state = internals(link).state;
  state.local_open = false;
  state.open_requests = Math.max(0, state.open_requests - 1);
}
