// Small conversions for values in $management bodies (longs may arrive as numbers or 8-byte buffers).
import rhea from "rhea";

const { types } = rhea;

/** .NET ticks (100 ns since 0001-01-01) as an 8-byte long, the form the SDK reads for session lock times. */
export function toTicksLong(ms: number): unknown {
  const buf = Buffer.alloc(8);
  buf.writeBigInt64BE(BigInt(Math.round(ms)) * 10_000n + 621_355_968_000_000_000n);
  return types.wrap_long(buf);
}

export function longToNumber(value: unknown): number {
  if (typeof value === "number") return value;
  if (Buffer.isBuffer(value) && value.length === 8) return Number(value.readBigInt64BE());
  if (typeof value === "bigint") return Number(value);
  throw new TypeError(`Expected a long, got ${typeof value}`);
}

export function longArray(values: number[]): unknown {
  return types.wrap_array(values, 0x81, undefined);
}

export function timestampArray(values: number[]): unknown {
  return types.wrap_array(values, 0x83, undefined);
}

export function asArray(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (value === undefined || value === null) return [];
  return [value];
}
