// Recursive-descent parser for Service Bus SQL filters and actions. Precedence, loosest first:
// OR, AND, NOT, comparisons (= <> != > >= < <=, [NOT] IN, [NOT] LIKE, IS [NOT] NULL), + -, * / %, unary + -.
import type { ArithmeticOp, CompareOp, Node, PredicateNode, PropertyRef, Statement, ValueNode } from "./ast.js";
import { isPredicate } from "./ast.js";
import { escapeProblem, patternProblem } from "./like.js";
import { isSettableSystemProperty, READABLE_SYSTEM_PROPERTIES, SETTABLE_SYSTEM_PROPERTIES, systemPropertyName } from "./system-properties.js";
import { TokenCursor } from "./token-cursor.js";
import { type Token, tokenize } from "./tokenizer.js";

export type LiteralValue = string | boolean | bigint | number | Date | null;

const COMPARE_OPS = new Set(["=", "<>", ">", ">=", "<", "<="]);
const INT64_MAX = 2n ** 63n - 1n;

export function parseFilter(source: string, parameters: ReadonlyMap<string, LiteralValue>): PredicateNode {
  const parser = new Parser(source, parameters);
  return parser.filter();
}

export function parseAction(source: string, parameters: ReadonlyMap<string, LiteralValue>): Statement[] {
  const parser = new Parser(source, parameters);
  return parser.action();
}

class Parser extends TokenCursor {
  constructor(
    source: string,
    private readonly parameters: ReadonlyMap<string, LiteralValue>,
  ) {
    super(source, tokenize(source));
  }

  filter(): PredicateNode {
    const start = this.peek();
    if (start.kind === "eof") this.fail(start, "The SQL filter expression is empty; a filter that matches every message is 1=1.");
    const node = this.parseOr();
    const rest = this.peek();
    if (rest.kind !== "eof") this.fail(rest, "Syntax error: expected AND, OR or the end of the expression.");
    return this.predicate(node, start);
  }

  action(): Statement[] {
    const statements: Statement[] = [];
    if (this.peek().kind === "eof") this.fail(this.peek(), "The SQL action expression is empty; write SET <property> = <expression> or REMOVE <property>.");
    while (this.peek().kind !== "eof") {
      const start = this.next();
      let statement: Statement;
      if (start.kind === "keyword" && start.word === "SET") {
        const target = this.parseProperty(true);
        this.expectOp("=", "Syntax error: expected '=' after the property to SET.");
        const valueStart = this.peek();
        const value = this.value(this.parseOr(), valueStart);
        statement = { type: "set", target, value, text: this.textFrom(start) };
      } else if (start.kind === "keyword" && start.word === "REMOVE") {
        statement = { type: "remove", target: this.parseProperty(true), text: this.textFrom(start) };
      } else {
        this.fail(start, "Syntax error: expected SET or REMOVE.");
      }
      statements.push(statement);
      if (this.isOp(";")) this.next();
    }
    return statements;
  }

  private parseOr(): Node {
    return this.parseLogical("OR", () => this.parseAnd());
  }

  private parseAnd(): Node {
    return this.parseLogical("AND", () => this.parseNot());
  }

  /** Left-associative AND / OR chains; both sides must be conditions. */
  private parseLogical(word: "AND" | "OR", parseOperand: () => Node): Node {
    const start = this.peek();
    let left = parseOperand();
    while (this.isKeyword(word)) {
      const op = this.next();
      const rightStart = this.peek();
      const right = parseOperand();
      const type = word === "AND" ? "and" : "or";
      left = { type, left: this.predicate(left, start), right: this.predicate(right, rightStart), pos: op };
    }
    return left;
  }

  private parseNot(): Node {
    if (!this.isKeyword("NOT")) return this.parseComparison();
    const op = this.next();
    const start = this.peek();
    return { type: "not", operand: this.predicate(this.parseNot(), start), pos: op };
  }

  private parseComparison(): Node {
    const start = this.peek();
    const left = this.parseAdditive();
    const token = this.peek();
    if (token.kind === "operator" && COMPARE_OPS.has(token.op)) {
      this.next();
      const rightStart = this.peek();
      const right = this.value(this.parseAdditive(), rightStart);
      return { type: "compare", op: token.op as CompareOp, left: this.value(left, start), right, pos: token };
    }
    if (this.isKeyword("IS")) {
      this.next();
      const negated = this.acceptKeyword("NOT");
      if (!this.isKeyword("NULL")) this.fail(this.peek(), `Syntax error: expected NULL after IS${negated ? " NOT" : ""}.`);
      this.next();
      return { type: "isNull", negated, operand: this.value(left, start), pos: token };
    }
    const negated = this.isKeyword("NOT") && (this.isKeyword("IN", 1) || this.isKeyword("LIKE", 1));
    if (negated) this.next();
    if (this.acceptKeyword("IN")) return { type: "in", negated, operand: this.value(left, start), list: this.parseList(), pos: token };
    if (this.acceptKeyword("LIKE")) return this.parseLike(this.value(left, start), negated, token);
    return left;
  }

  private parseList(): ValueNode[] {
    this.expectOp("(", "Syntax error: expected '(' to start the IN list.");
    const list: ValueNode[] = [];
    do {
      const start = this.peek();
      list.push(this.value(this.parseAdditive(), start));
    } while (this.isOp(",") && this.next());
    this.expectOp(")", "Syntax error: expected ',' or ')' in the IN list.");
    return list;
  }

  private parseLike(operand: ValueNode, negated: boolean, token: Token): PredicateNode {
    const patternStart = this.peek();
    const pattern = this.value(this.parseAdditive(), patternStart);
    let escape: ValueNode | undefined;
    let escapeStart: Token | undefined;
    if (this.acceptKeyword("ESCAPE")) {
      escapeStart = this.peek();
      escape = this.value(this.parseAdditive(), escapeStart);
      if (escape.type === "literal") {
        const problem = escapeProblem(escape.value);
        if (problem !== undefined) this.fail(escapeStart, problem);
      }
    }
    // Constant patterns are checked now, so a mistake shows when the rule is created, not per message.
    if (pattern.type === "literal") {
      if (typeof pattern.value !== "string") this.fail(patternStart, "The LIKE pattern must be a string, such as 'abc%'.");
      const escapeChar = escape?.type === "literal" && typeof escape.value === "string" ? escape.value : undefined;
      const problem = patternProblem(pattern.value, escapeChar);
      if (problem !== undefined) this.fail(patternStart, problem);
    }
    return { type: "like", negated, operand, pattern, escape, pos: token };
  }

  private parseAdditive(): Node {
    const start = this.peek();
    let left = this.parseMultiplicative();
    while (this.isOp("+") || this.isOp("-")) left = this.arithmetic(left, start, () => this.parseMultiplicative());
    return left;
  }

  private parseMultiplicative(): Node {
    const start = this.peek();
    let left = this.parseUnary();
    while (this.isOp("*") || this.isOp("/") || this.isOp("%")) left = this.arithmetic(left, start, () => this.parseUnary());
    return left;
  }

  private arithmetic(left: Node, start: Token, parseRight: () => Node): ValueNode {
    const op = this.next() as Token & { kind: "operator" };
    const rightStart = this.peek();
    const right = this.value(parseRight(), rightStart);
    return { type: "arithmetic", op: op.op as ArithmeticOp, left: this.value(left, start), right, pos: op };
  }

  private parseUnary(): Node {
    if (!this.isOp("-") && !this.isOp("+")) return this.parsePrimary();
    const op = this.next() as Token & { kind: "operator" };
    const operandToken = this.peek();
    if (operandToken.kind === "number") {
      // Fold the sign into the constant, so -9223372036854775808 (Int64.MinValue) can be written.
      this.next();
      const value = op.op === "-" ? -operandToken.value : operandToken.value;
      if (typeof value === "bigint" && value > INT64_MAX) this.fail(operandToken, "The integer constant is out of range: integers are 64-bit (System.Int64).");
      return { type: "literal", value, pos: op };
    }
    const operand = this.value(this.parseUnary(), operandToken);
    return { type: op.op === "-" ? "negate" : "plus", operand, pos: op };
  }

  private parsePrimary(): Node {
    const token = this.peek();
    switch (token.kind) {
      case "number":
        this.next();
        if (typeof token.value === "bigint" && token.value > INT64_MAX) this.fail(token, "The integer constant is out of range: integers are 64-bit (System.Int64).");
        return { type: "literal", value: token.value, pos: token };
      case "string":
        this.next();
        return { type: "literal", value: token.value, pos: token };
      case "parameter": {
        this.next();
        const value = this.parameters.get(token.name.toLowerCase());
        if (value === undefined) this.fail(token, `The parameter '${token.name}' has no value: pass it with the rule's SQL parameters.`);
        return { type: "literal", value, pos: token };
      }
      case "keyword":
        if (token.word === "TRUE" || token.word === "FALSE" || token.word === "NULL") {
          this.next();
          return { type: "literal", value: token.word === "NULL" ? null : token.word === "TRUE", pos: token };
        }
        if (token.word === "EXISTS") {
          this.next();
          this.expectOp("(", "Syntax error: expected '(' after EXISTS.");
          const ref = this.parseProperty(false);
          this.expectOp(")", "Syntax error: expected ')' after the property in EXISTS.");
          return { type: "exists", ref, pos: token };
        }
        break;
      case "identifier":
        if (!token.delimited && this.isOp("(", 1)) return this.parseFunction(token);
        return { type: "property", ref: this.parseProperty(false), pos: token };
      case "operator":
        if (token.op === "(") {
          this.next();
          const inner = this.parseOr();
          this.expectOp(")", "Syntax error: expected ')'.");
          return inner;
        }
        break;
      case "eof":
        this.fail(token, "Syntax error: the expression ended where a value or property was expected.");
    }
    this.fail(token, "Syntax error: expected a value, a property or '('.");
  }

  private parseFunction(name: Token & { kind: "identifier" }): ValueNode {
    const fn = name.name.toLowerCase();
    this.next();
    this.next(); // "("
    if (fn === "newid") {
      this.expectOp(")", "Syntax error: newid() takes no arguments.");
      return { type: "newid", pos: name };
    }
    if (fn === "property" || fn === "p") {
      const start = this.peek();
      const arg = this.value(this.parseAdditive(), start);
      this.expectOp(")", `Syntax error: expected ')' after the argument of ${name.text}().`);
      return { type: "propertyByName", name: arg, pos: name };
    }
    this.fail(name, `'${name.text}' is not a known function; the functions are newid(), property(name) and p(name).`);
  }

  /** [sys. | user.] name, where name is an identifier, [delimited] or "quoted". */
  private parseProperty(forAction: boolean): PropertyRef {
    const token = this.next();
    if (token.kind !== "identifier") this.fail(token, "Syntax error: expected a property name (use [brackets] for names with spaces or keywords).");
    if (!token.delimited && this.isOp(".")) {
      const scope = token.name.toLowerCase();
      if (scope !== "sys" && scope !== "user") {
        this.fail(token, `'${token.text}' is not a valid scope: use sys. for system properties, user. or nothing for application properties.`);
      }
      this.next();
      const nameToken = this.next();
      if (nameToken.kind !== "identifier") this.fail(nameToken, `Syntax error: expected a property name after '${token.text}.'.`);
      if (scope === "user") return { scope: "user", name: nameToken.name };
      const canonical = systemPropertyName(nameToken.name);
      if (canonical === undefined) {
        this.fail(nameToken, `'${nameToken.name}' is not a system property. The system properties are: ${READABLE_SYSTEM_PROPERTIES.join(", ")}.`);
      }
      if (forAction && !isSettableSystemProperty(canonical)) {
        this.fail(nameToken, `The system property '${canonical}' cannot be changed by an action. Settable: ${SETTABLE_SYSTEM_PROPERTIES.join(", ")}.`);
      }
      return { scope: "sys", name: canonical };
    }
    return { scope: "user", name: token.name };
  }

  private predicate(node: Node, start: Token): PredicateNode {
    if (isPredicate(node)) return node;
    this.fail(start, "A condition is expected here (a comparison, IN, LIKE, IS [NOT] NULL or EXISTS), not a value; for example color = 'red'.");
  }

  private value(node: Node, start: Token): ValueNode {
    if (!isPredicate(node)) return node;
    this.fail(start, "A value is expected here, not a condition.");
  }
}
