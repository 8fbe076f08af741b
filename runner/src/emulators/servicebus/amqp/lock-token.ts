// Lock tokens are GUIDs. On a transfer they travel as the delivery tag in .NET's byte order (the first three
// groups little-endian); in $management bodies they are AMQP uuids in RFC order.

export function uuidToBytes(uuid: string): Buffer {
  return Buffer.from(uuid.replace(/-/g, ""), "hex");
}

export function bytesToUuid(bytes: Buffer): string {
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** Swaps RFC <-> .NET order; the same swap goes both ways. */
export function swapGuidOrder(bytes: Buffer): Buffer {
  const b = Buffer.from(bytes);
  return Buffer.from([b[3]!, b[2]!, b[1]!, b[0]!, b[5]!, b[4]!, b[7]!, b[6]!, ...b.subarray(8, 16)]);
}

export function lockTokenToDeliveryTag(token: string): Buffer {
  return swapGuidOrder(uuidToBytes(token));
}
