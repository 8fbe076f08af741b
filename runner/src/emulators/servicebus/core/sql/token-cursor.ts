// Walks the token list for the parser: look-ahead, expectations, and errors that point at a token.
import { syntaxError } from "./errors.js";
import type { Token } from "./tokenizer.js";

export class TokenCursor {
  private index = 0;

  constructor(
    protected readonly source: string,
    private readonly tokens: Token[],
  ) {}

  protected textFrom(start: Token): string {
    const last = this.tokens[this.index - 1] ?? start;
    return this.source.slice(start.offset, last.offset + last.text.length);
  }

  protected peek(ahead = 0): Token {
    return this.tokens[Math.min(this.index + ahead, this.tokens.length - 1)] as Token;
  }

  protected next(): Token {
    const token = this.peek();
    if (this.index < this.tokens.length - 1) this.index++;
    return token;
  }

  protected isOp(op: string, ahead = 0): boolean {
    const token = this.peek(ahead);
    return token.kind === "operator" && token.op === op;
  }

  protected isKeyword(word: string, ahead = 0): boolean {
    const token = this.peek(ahead);
    return token.kind === "keyword" && token.word === word;
  }

  protected acceptKeyword(word: string): boolean {
    if (!this.isKeyword(word)) return false;
    this.next();
    return true;
  }

  protected expectOp(op: string, details: string): void {
    if (!this.isOp(op)) this.fail(this.peek(), details);
    this.next();
  }

  protected fail(token: Token, details: string): never {
    throw syntaxError({ line: token.line, column: token.column, token: token.text }, details);
  }
}
