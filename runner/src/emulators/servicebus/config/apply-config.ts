// Creates a parsed config's entities in a namespace, forwarding targets before the entities that forward to them.
import type { Namespace } from "../core/namespace.js";
import type { ServiceBusConfig } from "./config-schema.js";
import { queueProperties, ruleDefinition, subscriptionProperties, topicProperties } from "./to-core.js";

export function applyServiceBusConfig(namespace: Namespace, config: ServiceBusConfig): void {
  // Microsoft's emulator serves one namespace; extra ones would need other hosts, so we load the first.
  const ns = config.UserConfig.Namespaces[0];
  if (!ns) return;
  for (const topic of ns.Topics ?? []) namespace.createTopic(topic.Name, topicProperties(topic.Properties));
  let pending = [...(ns.Queues ?? [])];
  while (pending.length > 0) {
    const waiting = pending.filter((q) => {
      const targets = [q.Properties?.ForwardTo, q.Properties?.ForwardDeadLetteredMessagesTo].filter((t) => t && t.trim() !== "");
      return targets.some((t) => !namespace.getQueue(t!) && !namespace.getTopic(t!));
    });
    const ready = pending.filter((q) => !waiting.includes(q));
    // A forwarding cycle: create the rest anyway and let the namespace report the first bad target.
    for (const q of ready.length > 0 ? ready : waiting) namespace.createQueue(q.Name, queueProperties(q.Properties));
    pending = ready.length > 0 ? waiting : [];
  }
  for (const topic of ns.Topics ?? []) {
    for (const sub of topic.Subscriptions ?? []) {
      const rules = (sub.Rules ?? []).map(ruleDefinition);
      namespace.createSubscription(topic.Name, sub.Name, subscriptionProperties(sub.Properties), rules);
    }
  }
}
