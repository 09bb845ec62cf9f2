/**
 * The direction of dependencies: src/core <- src/functions, src/core <- src/excel <- src/taskpane.
 * `tsconfig.core.json` already compiles src/core without DOM or Office types; this test also catches
 * imports that type-check but break the layering.
 */
import * as fs from "fs";
import * as path from "path";

const SRC = path.resolve(__dirname, "..", "src");
/** Packages the engine may use: stdlib-js's special functions, plain JavaScript with no DOM or Node use. */
const PURE_PACKAGES = /^@stdlib\/math-base-special-/;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** The file's code with comments removed, so that prose such as 'from "buy till you die"' is not read as code. */
function codeOf(file: string): string {
  return fs.readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
}

function importsOf(file: string): string[] {
  const text = codeOf(file);
  return Array.from(text.matchAll(/(?:from\s+|import\s*\(\s*|require\(\s*)["']([^"']+)["']/g), (m) => m[1]);
}

function resolvesInto(file: string, specifier: string, folder: string): boolean {
  return specifier.startsWith(".") && path.resolve(path.dirname(file), specifier).startsWith(path.join(SRC, folder));
}

describe("layering", () => {
  test.each(sourceFiles(path.join(SRC, "core")))("%s imports nothing outside the engine", (file) => {
    for (const specifier of importsOf(file)) {
      const allowed = resolvesInto(file, specifier, "core") || PURE_PACKAGES.test(specifier);
      expect([specifier, allowed]).toEqual([specifier, true]);
    }
    const code = codeOf(file);
    expect(code).not.toMatch(/\b(Office|Excel|CustomFunctions|document|window|self|globalThis)\.\w/);
  });

  test.each(sourceFiles(path.join(SRC, "functions")))("%s uses the engine, never the sheet-writing or UI code", (file) => {
    for (const specifier of importsOf(file)) {
      expect(["excel", "taskpane"].some((folder) => resolvesInto(file, specifier, folder))).toBe(false);
    }
  });

  test("only src/excel calls Excel.run", () => {
    const callers = sourceFiles(SRC).filter((file) => /Excel\.run\(/.test(fs.readFileSync(file, "utf8")));
    for (const file of callers) expect(path.relative(SRC, file).split(path.sep)[0]).toBe("excel");
  });
});
