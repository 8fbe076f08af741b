// Errors meant for people: what went wrong and what to do next. The CLI and the server print these without a
// stack trace; anything else is a bug and is shown in full with --debug.
export class AzlabError extends Error {
  constructor(
    message: string,
    /** The next step for the user, printed under the message. */
    readonly hint?: string,
    /** HTTP status the server answers with. */
    readonly statusCode = 400,
  ) {
    super(message);
    this.name = "AzlabError";
  }
}

export function isAzlabError(error: unknown): error is AzlabError {
  return error instanceof AzlabError;
}
