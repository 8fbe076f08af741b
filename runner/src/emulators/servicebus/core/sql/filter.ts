// compileSqlFilter: parse once when the rule is created, evaluate per message.
import type { PredicateNode } from "./ast.js";
import { type SqlCompileOptions, parameterMap } from "./compile-options.js";
import { SqlEvaluationError } from "./errors.js";
import { evaluatePredicate, type FilterableMessage } from "./evaluator.js";
import { parseFilter } from "./parser.js";

export interface CompiledSqlFilter {
  readonly expression: string;
  /** TRUE only when the filter's condition is TRUE; FALSE and unknown do not match. */
  evaluate(message: FilterableMessage): boolean;
}

/** Throws SqlFilterError, in Azure's words, when the expression is not valid SQL filter syntax. */
export function compileSqlFilter(expression: string, options?: SqlCompileOptions): CompiledSqlFilter {
  const root: PredicateNode = parseFilter(expression, parameterMap(options));
  return {
    expression,
    evaluate(message) {
      try {
        return evaluatePredicate(root, message) === true;
      } catch (error) {
        // A type error against this message (e.g. 'abc' * 2) means the message does not match; the
        // subscription keeps working for the messages that do.
        if (error instanceof SqlEvaluationError) return false;
        throw error;
      }
    },
  };
}
