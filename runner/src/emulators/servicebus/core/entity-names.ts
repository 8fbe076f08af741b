// Entity name rules as Azure enforces them (https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules#microsoftservicebus).
import { BrokerError } from "./errors.js";

const PATH_SEGMENT = /^[A-Za-z0-9._-]+$/;

function invalid(kind: string, name: string, why: string): BrokerError {
  return new BrokerError("ArgumentError", `The ${kind} name '${name}' is invalid: ${why}`);
}

/** Queue and topic names: 1-260 characters; letters, numbers, periods, hyphens, underscores and slashes; start and end with a letter or number. */
export function validateEntityName(kind: "queue" | "topic", name: string): void {
  if (name.length < 1 || name.length > 260) throw invalid(kind, name, "it must be 1 to 260 characters long.");
  if (!/^[A-Za-z0-9]/.test(name) || !/[A-Za-z0-9]$/.test(name)) {
    throw invalid(kind, name, "it must start and end with a letter or a number.");
  }
  for (const segment of name.split("/")) {
    if (!PATH_SEGMENT.test(segment)) {
      throw invalid(
        kind,
        name,
        "the entity path contains character(s) that are not allowed by Service Bus. Entity segments can contain only letters, numbers, periods (.), hyphens (-), and underscores (_).",
      );
    }
  }
  if (/^\$|\/\$/.test(name) || name.toLowerCase().endsWith("/subscriptions")) {
    throw invalid(kind, name, "it uses a name reserved by Service Bus.");
  }
}

/** Subscription and rule names: 1-50 characters; letters, numbers, periods, hyphens and underscores; start and end with a letter or number. */
export function validateChildName(kind: "subscription" | "rule", name: string): void {
  if (name.length < 1 || name.length > 50) throw invalid(kind, name, "it must be 1 to 50 characters long.");
  // $Default is the one reserved rule name Service Bus itself creates.
  if (kind === "rule" && name === "$Default") return;
  if (!PATH_SEGMENT.test(name)) {
    throw invalid(kind, name, "it can contain only letters, numbers, periods (.), hyphens (-), and underscores (_).");
  }
  if (!/^[A-Za-z0-9]/.test(name) || !/[A-Za-z0-9]$/.test(name)) {
    throw invalid(kind, name, "it must start and end with a letter or a number.");
  }
}
