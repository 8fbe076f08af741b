// Errors of the SQL filter/action language: compile-time syntax errors in Azure's wording, and run-time
// evaluation errors (type mismatches, division by zero) that the broker turns into a dead-letter reason.

export interface SqlErrorLocation {
  line: number;
  column: number;
  /** The source text of the token in error, or "<end of expression>". */
  token: string;
}

/**
 * A SQL filter or action that Service Bus would reject when the rule is created. The message follows the
 * shape Azure returns, e.g. "There was an error parsing the SQL expression. [Token line=1, column=7,
 * Token in error= =, Additional details= Unrecognized character. '=']".
 */
export class SqlFilterError extends Error {
  readonly line: number | undefined;
  readonly column: number | undefined;
  readonly token: string | undefined;

  constructor(message: string, location?: SqlErrorLocation) {
    super(message);
    this.name = "SqlFilterError";
    this.line = location?.line;
    this.column = location?.column;
    this.token = location?.token;
  }
}

/** Builds a SqlFilterError that points at a token, in the bracketed form Azure uses. */
export function syntaxError(location: SqlErrorLocation, details: string): SqlFilterError {
  return new SqlFilterError(
    `There was an error parsing the SQL expression. [Token line=${location.line}, column=${location.column}, ` +
      `Token in error= ${location.token}, Additional details= ${details}]`,
    location,
  );
}

/**
 * Raised while evaluating against one message: an operator applied to types it does not accept, a division
 * by zero, a system property that does not exist. A filter treats it as "no match"; an action lets it
 * escape so the broker can dead-letter the message with this text as the reason.
 */
export class SqlEvaluationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SqlEvaluationError";
  }
}
