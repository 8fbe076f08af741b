// LIKE patterns: % is any run of characters, _ is one character, and the ESCAPE character makes the
// character after it literal (`'ABC\%' ESCAPE '\'` matches "ABC%"). Matching is case-sensitive.
import { SqlEvaluationError } from "./errors.js";

const cache = new Map<string, RegExp>();

/** Checks an ESCAPE value; the docs require a string of length 1. Returns the problem, or undefined. */
export function escapeProblem(escape: unknown): string | undefined {
  if (typeof escape !== "string" || [...escape].length !== 1) {
    return "The ESCAPE character must be a string of length 1, such as '\\'.";
  }
  return undefined;
}

/** Checks that a pattern does not end with its escape character, which leaves nothing to escape. */
export function patternProblem(pattern: string, escape: string | undefined): string | undefined {
  if (escape === undefined) return undefined;
  const chars = [...pattern];
  for (let i = 0; i < chars.length; i++) {
    if (chars[i] === escape) {
      if (i === chars.length - 1) return `The LIKE pattern '${pattern}' ends with its escape character '${escape}'.`;
      i++;
    }
  }
  return undefined;
}

export function likeMatches(value: string, pattern: string, escape: string | undefined): boolean {
  return compile(pattern, escape).test(value);
}

function compile(pattern: string, escape: string | undefined): RegExp {
  const key = `${escape ?? ""}\u0000${pattern}`;
  let regex = cache.get(key);
  if (regex === undefined) {
    const problem = patternProblem(pattern, escape);
    if (problem !== undefined) throw new SqlEvaluationError(problem);
    let source = "";
    const chars = [...pattern];
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i] as string;
      if (ch === escape) source += quote(chars[++i] as string);
      else if (ch === "%") source += "[^]*";
      else if (ch === "_") source += "[^]";
      else source += quote(ch);
    }
    regex = new RegExp(`^${source}$`, "u");
    if (cache.size > 1000) cache.clear(); // patterns computed per message must not grow this forever
    cache.set(key, regex);
  }
  return regex;
}

const quote = (ch: string): string => ch.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&");
