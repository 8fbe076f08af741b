// Minimal DER (ASN.1) writer: just the types an X.509 certificate needs, so the local CA needs no openssl
// binary and no extra package.

/** One encoded ASN.1 element (tag + length + content). */
export type Der = Buffer;

function encodeLength(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

export function element(tag: number, content: Buffer): Der {
  return Buffer.concat([Buffer.from([tag]), encodeLength(content.length), content]);
}

export const sequence = (...items: Der[]): Der => element(0x30, Buffer.concat(items));
export const set = (...items: Der[]): Der => element(0x31, Buffer.concat(items));
export const nullValue = (): Der => Buffer.from([0x05, 0x00]);
export const octetString = (content: Buffer): Der => element(0x04, content);
export const utf8String = (text: string): Der => element(0x0c, Buffer.from(text, "utf8"));
export const boolean = (value: boolean): Der => element(0x01, Buffer.from([value ? 0xff : 0x00]));

/** BIT STRING with no unused bits (signatures, key usage bytes). */
export const bitString = (content: Buffer): Der => element(0x03, Buffer.concat([Buffer.from([0]), content]));

/** Unsigned big-endian integer (serial numbers, version). */
export function integer(value: Buffer | number): Der {
  let bytes = typeof value === "number" ? Buffer.from([value]) : value;
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start++;
  bytes = bytes.subarray(start);
  // A leading 1 bit would make the number negative in two's complement.
  if ((bytes[0] ?? 0) & 0x80) bytes = Buffer.concat([Buffer.from([0]), bytes]);
  return element(0x02, bytes);
}

export function objectIdentifier(dotted: string): Der {
  const parts = dotted.split(".").map(Number);
  const [first = 0, second = 0, ...rest] = parts;
  const bytes: number[] = [first * 40 + second];
  for (const part of rest) {
    const chunk: number[] = [part & 0x7f];
    for (let value = Math.floor(part / 128); value > 0; value = Math.floor(value / 128)) chunk.unshift(0x80 | (value & 0x7f));
    bytes.push(...chunk);
  }
  return element(0x06, Buffer.from(bytes));
}

/** UTCTime before 2050, GeneralizedTime after, as RFC 5280 requires. */
export function time(date: Date): Der {
  const iso = date.toISOString().replace(/[-:T]/g, "").slice(0, 14) + "Z"; // YYYYMMDDHHMMSSZ
  return date.getUTCFullYear() < 2050 ? element(0x17, Buffer.from(iso.slice(2), "ascii")) : element(0x18, Buffer.from(iso, "ascii"));
}

/** Context-specific tag: [n] EXPLICIT wraps a whole element, IMPLICIT primitive replaces the tag. */
export const explicit = (n: number, inner: Der): Der => element(0xa0 | n, inner);
export const implicitPrimitive = (n: number, content: Buffer): Der => element(0x80 | n, content);
