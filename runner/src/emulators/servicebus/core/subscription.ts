// A topic subscription: a message entity plus the rules that decide which published messages it gets.
// Rule semantics: https://learn.microsoft.com/azure/service-bus-messaging/topic-filters
import { BrokerError, brokerErrors } from "./errors.js";
import { validateChildName } from "./entity-names.js";
import type { Limits } from "./limits.js";
import { cloneContent, type MessageContent } from "./message.js";
import type { MessageEntity } from "./message-entity.js";
import { Rule, type RuleDefinition } from "./rules.js";

export class Subscription {
  private readonly rules = new Map<string, Rule>();

  constructor(
    readonly name: string,
    readonly entity: MessageEntity,
    private readonly limits: Limits,
  ) {}

  listRules(): RuleDefinition[] {
    return [...this.rules.values()].map((r) => r.definition);
  }

  addRule(definition: RuleDefinition): void {
    validateChildName("rule", definition.name);
    if (this.findRule(definition.name)) throw brokerErrors.ruleExists(definition.name);
    if (this.rules.size >= this.limits.maxRulesPerSubscription) {
      throw brokerErrors.quota("rules per subscription", this.limits.maxRulesPerSubscription);
    }
    this.rules.set(definition.name.toLowerCase(), new Rule(definition));
  }

  removeRule(name: string): void {
    if (!this.rules.delete(name.toLowerCase())) throw brokerErrors.ruleNotFound(name);
  }

  private findRule(name: string): Rule | undefined {
    return this.rules.get(name.toLowerCase());
  }

  /**
   * Offers a published message. Rules without actions together yield at most one copy; each matching rule with
   * an action yields its own copy. A rule that throws sends that copy to the dead-letter queue with the
   * reason, and the other rules still run.
   */
  route(content: MessageContent, sequenceNumber: number, enqueuedAt: number, hops: number): void {
    const facts = { sequenceNumber, enqueuedAt };
    const copies: MessageContent[] = [];
    let plainMatch = false;
    for (const rule of this.rules.values()) {
      let matched: boolean;
      try {
        matched = rule.matches(content, facts);
      } catch (error) {
        this.deadLetter(content, "FilterEvaluationException", rule.name, error, sequenceNumber, enqueuedAt);
        continue;
      }
      if (!matched) continue;
      if (!rule.hasAction) {
        plainMatch = true;
        continue;
      }
      const copy = cloneContent(content);
      try {
        rule.applyAction(copy, facts);
        copy.applicationProperties.RuleName = rule.name;
        copies.push(copy);
      } catch (error) {
        this.deadLetter(content, "RuleActionException", rule.name, error, sequenceNumber, enqueuedAt);
      }
    }
    if (plainMatch) copies.unshift(cloneContent(content));
    for (const copy of copies) {
      try {
        this.entity.accept(copy, { sequenceNumber, enqueuedAt, hops });
      } catch (error) {
        // One full or session-less subscription must not fail the publish for the others.
        if (!(error instanceof BrokerError)) throw error;
        this.deadLetter(copy, error.code, "accept", error, sequenceNumber, enqueuedAt);
      }
    }
  }

  private deadLetter(
    content: MessageContent,
    reason: string,
    ruleName: string,
    error: unknown,
    sequenceNumber: number,
    enqueuedAt: number,
  ): void {
    const why = error instanceof Error ? error.message : String(error);
    this.entity.acceptDeadLettered(content, reason, `Rule '${ruleName}' failed on this message: ${why}`, {
      sequenceNumber,
      enqueuedAt,
    });
  }
}
