// One fetch wrapper for every API call: JSON in and out, and errors people can read (the server's
// { error, hint } body, or "the server is not reachable" when there is no answer at all).
import type { ApiErrorBody } from "./types.js";

let baseUrl = "";

/** Where the API lives. The site uses same-origin paths; tests point it at their own server. */
export function setApiBase(url: string): void {
  baseUrl = url.replace(/\/$/, "");
}

export function apiUrl(path: string): string {
  return `${baseUrl}${path}`;
}

/** The server answered with an error status. `body` carries its explanation. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
  ) {
    super(body.error);
    this.name = "ApiError";
  }
}

/** No answer: the server is stopped, restarting, or the network is down. Worth retrying. */
export class UnreachableError extends Error {
  constructor(cause: unknown) {
    super("The azlab server is not reachable. Is `npm start` still running?", { cause });
    this.name = "UnreachableError";
  }
}

export interface RequestOptions {
  method?: "GET" | "POST" | "PUT";
  body?: unknown;
  signal?: AbortSignal;
  /** A team session's token, sent as x-azlab-token (kept out of URLs and server logs). */
  token?: string;
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(apiUrl(path), {
      method: options.method ?? "GET",
      headers: {
        ...(options.body === undefined ? {} : { "content-type": "application/json" }),
        ...(options.token ? { "x-azlab-token": options.token } : {}),
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new UnreachableError(error);
  }
  const text = await response.text();
  const parsed = parseJson(text);
  if (!response.ok) {
    const fromServer = parsed && typeof parsed === "object" && "error" in parsed;
    // A proxy (vite dev) with no server behind it answers 502-504 without our JSON: that is "unreachable".
    if (!fromServer && response.status >= 502 && response.status <= 504) {
      throw new UnreachableError(new Error(`${response.status} ${text.slice(0, 200)}`));
    }
    const body = fromServer
      ? (parsed as ApiErrorBody)
      : { error: `The server answered ${response.status} ${response.statusText}: ${text.slice(0, 200)}`.trim() };
    throw new ApiError(response.status, body);
  }
  if (parsed === undefined && text !== "") throw new ApiError(response.status, { error: "The server's answer was not JSON." });
  return parsed as T;
}

function parseJson(text: string): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The message and next step of any error, for display. */
export function describeError(error: unknown): { message: string; hint?: string } {
  if (error instanceof ApiError) return { message: error.body.error, hint: error.body.hint };
  if (error instanceof UnreachableError) return { message: error.message, hint: "Start it again with `npm start`; this page retries on its own." };
  return { message: error instanceof Error ? error.message : String(error) };
}
