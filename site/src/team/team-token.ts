// Each tab keeps its own team tokens in sessionStorage: they survive a reload but not the tab, and a host and a
// participant can share one browser in two tabs (the server's cookie is per browser, so it cannot tell them
// apart; every team call sends the tab's token explicitly).
const KEYS = {
  host: "azlab.team.host",
  join: "azlab.team.join",
  participant: "azlab.team.participant",
} as const;

export type TokenKind = keyof typeof KEYS;

function storage(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    // Storage can be disabled by the browser's privacy settings; the cookie still identifies the caller.
    return undefined;
  }
}

export function readToken(kind: TokenKind): string | undefined {
  return storage()?.getItem(KEYS[kind]) ?? undefined;
}

export function storeToken(kind: TokenKind, token: string): void {
  storage()?.setItem(KEYS[kind], token);
}

export function forgetToken(kind: TokenKind): void {
  storage()?.removeItem(KEYS[kind]);
}
