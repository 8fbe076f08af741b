// Public surface of the Service Bus SQL filter and rule action language: pure, no AMQP, no I/O.
// Grammar: https://learn.microsoft.com/azure/service-bus-messaging/service-bus-messaging-sql-filter
//          https://learn.microsoft.com/azure/service-bus-messaging/service-bus-messaging-sql-rule-action
export type { FilterableMessage } from "./evaluator.js";
export { SqlFilterError, SqlEvaluationError } from "./errors.js";
export type { SqlCompileOptions } from "./compile-options.js";
export { compileSqlFilter, type CompiledSqlFilter } from "./filter.js";
export { compileSqlRuleAction, type CompiledSqlRuleAction } from "./action.js";
