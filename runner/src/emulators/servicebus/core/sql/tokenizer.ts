// Splits a Service Bus SQL filter or action into tokens, each with its line and column for error messages.
import { syntaxError } from "./errors.js";

/** Reserved words: a regular identifier may not be one of these (use [brackets] for such a property). */
export const KEYWORDS = new Set([
  "AND", "OR", "NOT", "IN", "LIKE", "ESCAPE", "IS", "NULL", "EXISTS", "TRUE", "FALSE", "SET", "REMOVE",
]);

export type Token =
  | { kind: "keyword"; word: string; text: string; line: number; column: number; offset: number }
  /** delimited = written as [name] or "name": never a keyword, a scope or a function name. */
  | { kind: "identifier"; name: string; delimited: boolean; text: string; line: number; column: number; offset: number }
  | { kind: "string"; value: string; text: string; line: number; column: number; offset: number }
  /** Integer constants are Int64 (bigint); decimal and scientific constants are doubles (number). */
  | { kind: "number"; value: bigint | number; text: string; line: number; column: number; offset: number }
  | { kind: "parameter"; name: string; text: string; line: number; column: number; offset: number }
  | { kind: "operator"; op: string; text: string; line: number; column: number; offset: number }
  | { kind: "eof"; text: string; line: number; column: number; offset: number };

export const END_TEXT = "<end of expression>";

const OPERATORS = ["<>", "!=", ">=", "<=", "=", ">", "<", "+", "-", "*", "/", "%", "(", ")", ",", ".", ";"];
const IDENTIFIER = /\p{L}[_\p{L}\p{Nd}]*/uy;
const PARAMETER = /@[_\p{L}\p{Nd}]+/uy;
const NUMBER = /(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/y;
const WORD_CHAR = /[_\p{L}\p{Nd}]/u;
const INT64_MAX = 2n ** 63n - 1n;

export function tokenize(source: string): Token[] {
  const lineStarts = [0];
  for (let i = 0; i < source.length; i++) if (source[i] === "\n") lineStarts.push(i + 1);
  const where = (offset: number) => {
    let line = lineStarts.length - 1;
    while ((lineStarts[line] ?? 0) > offset) line--;
    return { line: line + 1, column: offset - (lineStarts[line] ?? 0) + 1, offset };
  };

  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i] as string;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const at = where(i);
    if (ch === "'") {
      const end = closing(source, i, "'");
      const text = source.slice(i, end === -1 ? source.length : end + 1);
      if (end === -1) throw syntaxError({ ...at, token: text }, "The string constant is not terminated: a closing ' is missing.");
      tokens.push({ kind: "string", value: text.slice(1, -1).replaceAll("''", "'"), text, ...at });
      i = end + 1;
      continue;
    }
    if (ch === "[" || ch === '"') {
      const close = ch === "[" ? "]" : '"';
      const end = closing(source, i, close);
      const text = source.slice(i, end === -1 ? source.length : end + 1);
      if (end === -1) throw syntaxError({ ...at, token: text }, `The identifier is not terminated: a closing ${close} is missing.`);
      const name = text.slice(1, -1).replaceAll(close + close, close);
      if (name.length === 0) throw syntaxError({ ...at, token: text }, "An identifier cannot be empty.");
      tokens.push({ kind: "identifier", name, delimited: true, text, ...at });
      i = end + 1;
      continue;
    }
    const number = match(NUMBER, source, i);
    if (number !== undefined) {
      const next = source[i + number.length];
      if (next !== undefined && WORD_CHAR.test(next)) {
        throw syntaxError({ ...at, token: source.slice(i, i + number.length + 1) }, "Invalid number: a number cannot be followed by a letter.");
      }
      tokens.push({ kind: "number", value: numberValue(number, at), text: number, ...at });
      i += number.length;
      continue;
    }
    const word = match(IDENTIFIER, source, i);
    if (word !== undefined) {
      const upper = word.toUpperCase();
      if (KEYWORDS.has(upper)) tokens.push({ kind: "keyword", word: upper, text: word, ...at });
      else tokens.push({ kind: "identifier", name: word, delimited: false, text: word, ...at });
      i += word.length;
      continue;
    }
    const parameter = match(PARAMETER, source, i);
    if (parameter !== undefined) {
      tokens.push({ kind: "parameter", name: parameter, text: parameter, ...at });
      i += parameter.length;
      continue;
    }
    const op = OPERATORS.find((candidate) => source.startsWith(candidate, i));
    if (op === undefined) {
      const bad = String.fromCodePoint(source.codePointAt(i) ?? 0);
      throw syntaxError({ ...at, token: bad }, `Unrecognized character. '${bad}'`);
    }
    tokens.push({ kind: "operator", op: op === "!=" ? "<>" : op, text: op, ...at });
    i += op.length;
  }
  tokens.push({ kind: "eof", text: END_TEXT, ...where(source.length) });
  return tokens;
}

/** Index of the closing quote, skipping doubled quotes (the language's only escape), or -1. */
function closing(source: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < source.length) {
    if (source[i] === quote) {
      if (source[i + 1] === quote) i += 2;
      else return i;
    } else i++;
  }
  return -1;
}

function match(pattern: RegExp, source: string, at: number): string | undefined {
  pattern.lastIndex = at;
  return pattern.exec(source)?.[0];
}

function numberValue(text: string, at: { line: number; column: number }): bigint | number {
  if (/^\d+$/.test(text)) {
    const value = BigInt(text);
    // INT64_MAX + 1 is allowed here so that -9223372036854775808 can be written; the parser checks the sign.
    if (value > INT64_MAX + 1n) {
      throw syntaxError({ ...at, token: text }, "The integer constant is out of range: integers are 64-bit (System.Int64).");
    }
    return value;
  }
  return Number(text);
}
