// Words shown for ids: services, progress states, and a report's status.
import type { LabProgressSummary, ServiceId } from "../api/types.js";

export const SERVICE_LABELS: Record<ServiceId, string> = {
  blob: "Blob Storage",
  queue: "Queue Storage",
  table: "Table Storage",
  servicebus: "Service Bus",
  identity: "Managed identity",
  keyvault: "Key Vault",
};

export const STATE_LABELS = {
  "not-started": "Not started",
  "in-progress": "In progress",
  passed: "Passed",
} as const;

export function percent(score: number): string {
  return `${Math.round(score * 100)}%`;
}

export function stateLabel(progress: LabProgressSummary): string {
  const best = progress.bestScore === null ? "" : ` · best ${percent(progress.bestScore)}`;
  return `${STATE_LABELS[progress.state]}${progress.state === "not-started" ? "" : best}`;
}
