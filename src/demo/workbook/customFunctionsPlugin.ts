import { ArraySize, CellError, EmptyValue, ErrorType, FunctionArgumentType, FunctionPlugin, HyperFormula, type ImplementedFunctions, SimpleRangeValue } from "hyperformula";
import type { ProcedureAst } from "hyperformula/typings/parser/Ast";
import type { InterpreterState } from "hyperformula/typings/interpreter/InterpreterState";
import type { InternalScalarValue, InterpreterValue } from "hyperformula/typings/interpreter/InterpreterValue";

/** A custom function as `functions.json` describes it (the part a formula engine needs). */
export interface CustomFunctionMetadata {
  id: string;
  name: string;
  parameters: { name: string; dimensionality?: "scalar" | "matrix"; optional?: boolean }[];
}

/** A function given to `CustomFunctions.associate`. */
export type CustomFunction = (...args: unknown[]) => unknown;

/**
 * The cells a function's array result spills over, which HyperFormula must know before computing it:
 * a fixed block (`rows` x `columns`), or the shape of the argument of parameter `like` (a column of
 * customers in, a column out; one cell for a single value).
 */
export type SpillShape = { rows: number; columns: number } | { like: string };

/** Excel's error codes and HyperFormula's error types, both ways. */
const ERROR_TYPES: Record<string, ErrorType> = {
  "#DIV/0!": ErrorType.DIV_BY_ZERO,
  "#NAME?": ErrorType.NAME,
  "#VALUE!": ErrorType.VALUE,
  "#NUM!": ErrorType.NUM,
  "#N/A": ErrorType.NA,
  "#REF!": ErrorType.REF,
  "#SPILL!": ErrorType.SPILL,
};
const ERROR_CODES = new Map(Object.entries(ERROR_TYPES).map(([code, type]) => [type, code]));

/**
 * Excel's code for a HyperFormula error type ("#NUM!"); "#ERROR!" for types Excel lacks (cycles, parse errors).
 * @example errorCode(ErrorType.DIV_BY_ZERO) // "#DIV/0!"
 */
function errorCode(type: ErrorType): string {
  return ERROR_CODES.get(type) ?? `#${type}!`;
}

interface Registered {
  /** As users type it: "CLV.AOV". */
  name: string;
  metadata: CustomFunctionMetadata;
  implementation: CustomFunction;
  spill?: SpillShape;
}

/** The functions registered, by upper-case formula name ("CLV.AOV"), for the one plugin class HyperFormula calls. */
const registered = new Map<string, Registered>();

class CustomFunctionsPlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = {};

  callCustomFunction(ast: ProcedureAst, state: InterpreterState) {
    const entry = registered.get(ast.procedureName) as Registered;
    const size = entry.spill === undefined ? undefined : this.spillSize(ast, state);
    return this.runFunction(ast.args, state, this.metadata(ast.procedureName), (...args: unknown[]) => call(entry, args, size) as InterpreterValue);
  }

  /** The result's size (HyperFormula's width x height) from the function's `SpillShape`, before any argument is computed. */
  spillSize(ast: ProcedureAst, state: InterpreterState): ArraySize {
    const { metadata, spill } = registered.get(ast.procedureName) as Registered & { spill: SpillShape };
    if ("rows" in spill) return new ArraySize(spill.columns, spill.rows);
    const argument = ast.args[metadata.parameters.findIndex((parameter) => parameter.name === spill.like)];
    if (argument === undefined) return ArraySize.scalar();
    const { width, height } = this.arraySizeForAst(argument, state);
    return new ArraySize(width, height); // not a reference's size: that one counts as a single value
  }
}

/**
 * Registers custom functions with HyperFormula (for every engine built afterwards) under the names
 * Excel shows, `NAMESPACE.NAME`, calling the implementations as Excel calls them: a range argument
 * ("matrix" in the metadata) arrives as rows of values, a single value given for it as [[value]];
 * a blank cell arrives as null, an error cell in a range as a `CustomFunctions.Error`, a left-out
 * optional argument as null. A thrown `CustomFunctions.Error` becomes that error, with its message. A
 * function returning an array spills it, as in Excel, over the cells its `spills` shape (by function id)
 * reserves: HyperFormula must know an array's size before computing it. An array larger than that, or
 * from a function without a shape, gives #VALUE! saying so. Registering again replaces the earlier functions.
 * @throws Error when a function in `metadata` has no implementation, or spills in the shape of a parameter it lacks
 * @example registerCustomFunctions("CLV", metadata, new Map([["BASIC", BASIC]])); // then =CLV.BASIC(100,2,20) is 4000
 */
export function registerCustomFunctions(
  namespace: string,
  metadata: readonly CustomFunctionMetadata[],
  implementations: ReadonlyMap<string, CustomFunction>,
  spills: ReadonlyMap<string, SpillShape> = new Map()
): void {
  const entries = metadata.map((entry): [string, Registered] => {
    const implementation = implementations.get(entry.id);
    if (implementation === undefined) throw new Error(`${namespace}.${entry.name} is described in functions.json but was never associated`);
    const spill = spills.get(entry.id);
    if (spill !== undefined && "like" in spill && !entry.parameters.some((parameter) => parameter.name === spill.like)) {
      throw new Error(`${namespace}.${entry.name} spills in the shape of "${spill.like}", which is none of its parameters`);
    }
    return [`${namespace}.${entry.name}`.toUpperCase(), { name: `${namespace}.${entry.name}`, metadata: entry, implementation, spill }];
  });
  if (registered.size > 0) HyperFormula.unregisterFunctionPlugin(CustomFunctionsPlugin);
  registered.clear();
  for (const [name, entry] of entries) registered.set(name, entry);
  CustomFunctionsPlugin.implementedFunctions = Object.fromEntries(
    entries.map(([name, { metadata: entry, spill }]) => [
      name,
      {
        method: "callCustomFunction",
        ...(spill === undefined ? {} : { sizeOfResultArrayMethod: "spillSize" }),
        parameters: entry.parameters.map((p) => ({ argumentType: FunctionArgumentType.ANY, optionalArg: p.optional === true })),
        vectorizationForbidden: true,
      },
    ])
  );
  HyperFormula.registerFunctionPlugin(CustomFunctionsPlugin, { enGB: Object.fromEntries(entries.map(([name]) => [name, name])) });
}

/** Calls the implementation as Excel does; an array result becomes a range of `size` at most. */
function call({ name, metadata, implementation }: Registered, args: unknown[], size: ArraySize | undefined): unknown {
  const values = metadata.parameters.map((parameter, i) => {
    const arg = args[i];
    if (arg instanceof SimpleRangeValue) return arg.data.map((row) => row.map(plain));
    const value = arg === undefined ? null : plain(arg);
    return parameter.dimensionality === "matrix" && value !== null ? [[value]] : value;
  });
  try {
    const result = implementation(...values);
    if (!Array.isArray(result)) return result;
    const rows = result as unknown[][];
    const columns = Math.max(0, ...rows.map((row) => row.length));
    if (size === undefined || rows.length > size.height || columns > size.width) {
      const reserved = size === undefined ? "no cells" : `${size.height} x ${size.width} cells`;
      return new CellError(ErrorType.VALUE, `${name} returns ${rows.length} x ${columns} values to spill, and the demo reserves ${reserved} for it`);
    }
    return SimpleRangeValue.onlyValues(rows.map((row) => row.map(engineValue)));
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const message = error instanceof Error ? error.message : String(error);
    return new CellError(typeof code === "string" ? (ERROR_TYPES[code] ?? ErrorType.VALUE) : ErrorType.VALUE, message);
  }
}

/** A value of a returned array as HyperFormula holds it: null as a blank, a `CustomFunctions.Error` as its error. */
function engineValue(value: unknown): InternalScalarValue {
  if (value === null || value === undefined) return EmptyValue;
  if (value instanceof CustomFunctions.Error) return new CellError(ERROR_TYPES[value.code] ?? ErrorType.VALUE, value.message);
  return value as InternalScalarValue;
}

/** A value as Excel passes it to a custom function. */
function plain(value: unknown): unknown {
  if (value === EmptyValue) return null;
  if (value instanceof CellError) return new CustomFunctions.Error(errorCode(value.type) as CustomFunctions.ErrorCode, value.message);
  if (typeof value === "object" && value !== null && "val" in value) return (value as { val: unknown }).val; // a typed number (date, percent)
  return value;
}
