/**
 * A parser and evaluator for the subset of Excel formulas the report writes, for tests only:
 * numbers, "text", + - * / ^ &, comparisons, function calls (CLV.AOV, IF...), names, A1 cells,
 * and structured references (`[@Col]`, `[@[Col name]]`, `T[Col]`, `T[[Col name]]`, `T[[#Totals],[Col]]`).
 * Unknown syntax throws, so a test notices a formula outside the subset.
 */

export type Reference =
  | { kind: "thisRow"; column: string }
  | { kind: "column"; table: string; column: string }
  | { kind: "total"; table: string; column: string }
  | { kind: "name"; name: string }
  | { kind: "cell"; address: string };

export type Node =
  | { kind: "number"; value: number }
  | { kind: "text"; value: string }
  | { kind: "reference"; reference: Reference }
  | { kind: "call"; name: string; args: Node[] }
  | { kind: "unary"; operator: "-"; operand: Node }
  | { kind: "binary"; operator: string; left: Node; right: Node };

/** Parses a formula (with its leading "="). */
export function parseFormula(formula: string): Node {
  if (!formula.startsWith("=")) throw new Error(`not a formula: ${formula}`);
  const source = formula.slice(1);
  let at = 0;
  const peek = (text: string) => source.startsWith(text, at);
  const expect = (text: string) => {
    if (!peek(text)) throw new Error(`expected ${text} at ${at} in ${formula}`);
    at += text.length;
  };
  // Column specifier after "[": `Col]` or `[Col name]]`, with ' escapes.
  const column = (): string => {
    if (peek("[")) {
      at++;
      let name = "";
      while (!peek("]")) {
        if (source[at] === "'") at++; // ' escapes the next character
        name += source[at++];
      }
      expect("]");
      expect("]");
      return name;
    }
    const match = /^[A-Za-z_][A-Za-z0-9_]*\]/.exec(source.slice(at));
    if (match === null) throw new Error(`bad column at ${at} in ${formula}`);
    at += match[0].length;
    return match[0].slice(0, -1);
  };
  const binary = (next: () => Node, operators: string[]) => (): Node => {
    let left = next();
    for (;;) {
      const operator = operators.find((o) => peek(o));
      if (operator === undefined) return left;
      at += operator.length;
      left = { kind: "binary", operator, left, right: next() };
    }
  };
  const primary = (): Node => {
    const rest = source.slice(at);
    if (peek("(")) {
      at++;
      const inner = comparison();
      expect(")");
      return inner;
    }
    if (peek('"')) {
      const match = /^"((?:[^"]|"")*)"/.exec(rest) as RegExpExecArray;
      at += match[0].length;
      return { kind: "text", value: match[1].replace(/""/g, '"') };
    }
    const number = /^\d+(\.\d+)?([eE][+-]?\d+)?/.exec(rest);
    if (number !== null) {
      at += number[0].length;
      return { kind: "number", value: Number(number[0]) };
    }
    if (peek("[@")) {
      at += 2;
      return { kind: "reference", reference: { kind: "thisRow", column: column() } };
    }
    const cell = /^\$?[A-Z]{1,3}\$?\d+(?![A-Za-z0-9_(\[.])/.exec(rest);
    if (cell !== null) {
      at += cell[0].length;
      return { kind: "reference", reference: { kind: "cell", address: cell[0].replace(/\$/g, "") } };
    }
    const word = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(rest);
    if (word === null) throw new Error(`unexpected ${rest} in ${formula}`);
    at += word[0].length;
    if (peek("(")) {
      at++;
      const args: Node[] = [];
      while (!peek(")")) {
        args.push(comparison());
        if (peek(",")) at++;
      }
      at++;
      return { kind: "call", name: word[0], args };
    }
    if (peek("[[#Totals],[")) {
      at += "[[#Totals],".length;
      return { kind: "reference", reference: { kind: "total", table: word[0], column: column() } };
    }
    if (peek("[")) {
      at++;
      return { kind: "reference", reference: { kind: "column", table: word[0], column: column() } };
    }
    return { kind: "reference", reference: { kind: "name", name: word[0] } };
  };
  const unary = (): Node => {
    if (!peek("-")) return primary();
    at++;
    return { kind: "unary", operator: "-", operand: unary() };
  };
  const power = binary(unary, ["^"]);
  const term = binary(power, ["*", "/"]);
  const additive = binary(term, ["+", "-", "&"]);
  const comparison = binary(additive, ["<>", "<=", ">=", "=", "<", ">"]);
  const tree = comparison();
  if (at !== source.length) throw new Error(`unparsed ${source.slice(at)} in ${formula}`);
  return tree;
}

/** Every reference and every function name in a formula. */
export function formulaParts(formula: string): { references: Reference[]; functions: string[] } {
  const references: Reference[] = [];
  const functions: string[] = [];
  const visit = (node: Node): void => {
    if (node.kind === "reference") references.push(node.reference);
    else if (node.kind === "call") {
      functions.push(node.name);
      node.args.forEach(visit);
    } else if (node.kind === "unary") visit(node.operand);
    else if (node.kind === "binary") [node.left, node.right].forEach(visit);
  };
  visit(parseFormula(formula));
  return { references, functions };
}

export type Value = number | string | boolean | Value[];

/**
 * Evaluates a formula: `resolve` gives each reference's value, `call` each function's result from its
 * evaluated arguments (IF is built in and lazy). A function that throws an error with a `code`
 * (CustomFunctions.Error: "#NUM!"...) gives that code as its result, as Excel shows it in the cell.
 */
export function evaluateFormula(formula: string, resolve: (reference: Reference) => Value, call: (name: string, args: Value[]) => Value): Value {
  const evaluate = (node: Node): Value => {
    switch (node.kind) {
      case "number":
      case "text":
        return node.value;
      case "reference":
        return resolve(node.reference);
      case "unary":
        return -(evaluate(node.operand) as number);
      case "call":
        if (node.name === "IF") return evaluate(node.args[0]) ? evaluate(node.args[1]) : evaluate(node.args[2]);
        try {
          return call(node.name, node.args.map(evaluate));
        } catch (error) {
          if (error instanceof Error && typeof (error as { code?: unknown }).code === "string") return (error as unknown as { code: string }).code;
          throw error;
        }
      case "binary": {
        const [a, b] = [evaluate(node.left), evaluate(node.right)];
        switch (node.operator) {
          case "+": return (a as number) + (b as number);
          case "-": return (a as number) - (b as number);
          case "*": return (a as number) * (b as number);
          case "/": return (a as number) / (b as number);
          case "^": return (a as number) ** (b as number);
          case "&": return `${a}${b}`;
          case "=": return a === b;
          case "<>": return a !== b;
          case "<": return a < b;
          case ">": return a > b;
          case "<=": return a <= b;
          default: return a >= b;
        }
      }
    }
  };
  return evaluate(parseFormula(formula));
}
