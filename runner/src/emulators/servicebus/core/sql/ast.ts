// The syntax tree shared by the parser and the evaluator.

export interface Position {
  line: number;
  column: number;
}

export type CompareOp = "=" | "<>" | ">" | ">=" | "<" | "<=";
export type ArithmeticOp = "+" | "-" | "*" | "/" | "%";

export type PropertyRef =
  | { scope: "user"; name: string }
  /** name is the canonical Service Bus spelling (e.g. "Label" for sys.label). */
  | { scope: "sys"; name: string };

/** Nodes that produce a value (string, number, boolean, date, null or unknown). */
export type ValueNode =
  | { type: "literal"; value: string | boolean | bigint | number | Date | null; pos: Position }
  | { type: "property"; ref: PropertyRef; pos: Position }
  | { type: "newid"; pos: Position }
  /** property(name) / p(name): the name is computed per message. */
  | { type: "propertyByName"; name: ValueNode; pos: Position }
  | { type: "negate" | "plus"; operand: ValueNode; pos: Position }
  | { type: "arithmetic"; op: ArithmeticOp; left: ValueNode; right: ValueNode; pos: Position };

/** Nodes that produce TRUE, FALSE or unknown. */
export type PredicateNode =
  | { type: "and" | "or"; left: PredicateNode; right: PredicateNode; pos: Position }
  | { type: "not"; operand: PredicateNode; pos: Position }
  | { type: "compare"; op: CompareOp; left: ValueNode; right: ValueNode; pos: Position }
  | { type: "in"; negated: boolean; operand: ValueNode; list: ValueNode[]; pos: Position }
  | { type: "like"; negated: boolean; operand: ValueNode; pattern: ValueNode; escape: ValueNode | undefined; pos: Position }
  | { type: "isNull"; negated: boolean; operand: ValueNode; pos: Position }
  | { type: "exists"; ref: PropertyRef; pos: Position };

export type Node = ValueNode | PredicateNode;

export type Statement =
  | { type: "set"; target: PropertyRef; value: ValueNode; text: string }
  | { type: "remove"; target: PropertyRef; text: string };

const PREDICATE_TYPES = new Set(["and", "or", "not", "compare", "in", "like", "isNull", "exists"]);

export function isPredicate(node: Node): node is PredicateNode {
  return PREDICATE_TYPES.has(node.type);
}
