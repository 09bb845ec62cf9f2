/**
 * The worker bundle must hold only the engine and the message protocol: no React, no Office, no
 * pane code. Follows the worker's imports (relative ones, transitively) and checks where each lands.
 */
import * as fs from "fs";
import * as path from "path";

const SRC = path.resolve(__dirname, "..", "..");
const ALLOWED_OUTSIDE_CORE = ["analysis.worker.ts", "protocol.ts", "segmentChoices.ts"].map((file) => path.join(__dirname, file));

function resolveModule(from: string, specifier: string): string {
  const base = path.resolve(path.dirname(from), specifier);
  const candidates = [`${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")];
  const found = candidates.find((file) => fs.existsSync(file));
  if (!found) throw new Error(`${from} imports ${specifier}, which does not resolve`);
  return found;
}

function importGraph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const code = fs.readFileSync(file, "utf8");
    for (const match of code.matchAll(/^\s*(import|export)\s+(type\s+)?[^;]*?from\s+["']([^"']+)["']/gm)) {
      if (match[2]) continue; // type-only: erased
      const specifier = match[3];
      if (specifier.startsWith(".")) visit(resolveModule(file, specifier));
      else packages.add(specifier);
    }
  };
  visit(entry);
  return { files, packages };
}

test("the analysis worker imports only src/core, the protocol and npm packages the engine uses", () => {
  const { files, packages } = importGraph(path.join(__dirname, "analysis.worker.ts"));
  const outside = [...files].filter((file) => !file.startsWith(path.join(SRC, "core") + path.sep) && !ALLOWED_OUTSIDE_CORE.includes(file));
  expect(outside).toEqual([]);
  expect([...packages].filter((name) => !name.startsWith("@stdlib/"))).toEqual([]);
  expect(files.size).toBeGreaterThan(10); // the walk really followed the engine's imports
});
