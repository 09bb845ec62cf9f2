/**
 * What each build holds: dist/ (the add-in users host, `npm run build`) holds no HyperFormula, which is
 * GPL and only for the demo; demo-dist/ (`npm run build:demo`) holds it, and its page loads the
 * stand-in for office.js before the add-in's own scripts.
 */
import * as fs from "fs";
import * as path from "path";
import { DEMO_DIST, ROOT } from "./harness";

const DIST = path.join(ROOT, "dist");
/**
 * Strings of HyperFormula's own code and licence banner, in any build mode: a message of its licence
 * check (a string, so minifying keeps it) and its copyright holder (kept in the banner or LICENSE.txt).
 */
const HYPERFORMULA_MARKS = [/license key for HyperFormula/, /Handsoncode/];

/** The text files of a build folder (scripts, pages, metadata), by path relative to it. */
function builtFiles(folder: string): Map<string, string> {
  if (!fs.existsSync(folder)) throw new Error(`${folder} is missing: run \`npm run build\` and \`npm run build:demo\` first (npm test does)`);
  const files = new Map<string, string>();
  const visit = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (/\.(js|html|json|txt|xml)$/.test(entry.name)) files.set(path.relative(folder, full), fs.readFileSync(full, "utf8"));
    }
  };
  visit(folder);
  return files;
}

test("no file of dist/ contains HyperFormula", () => {
  const files = builtFiles(DIST);
  expect(files.size).toBeGreaterThan(0);
  const holding = [...files].filter(([, text]) => HYPERFORMULA_MARKS.some((mark) => mark.test(text))).map(([name]) => name);
  expect(holding).toEqual([]);
});

test("demo-dist/ holds HyperFormula, in the office stand-in only (so the check above looks for the right thing)", () => {
  const files = builtFiles(DEMO_DIST);
  const holding = [...files].filter(([name, text]) => name.endsWith(".js") && HYPERFORMULA_MARKS.some((mark) => mark.test(text))).map(([name]) => name);
  expect(holding).toEqual(["office-standin.js"]);
});

test("demo.html loads the stand-in in place of office.js, then the add-in's functions and pane, then the workbook view", () => {
  const html = builtFiles(DEMO_DIST).get("demo.html") as string;
  expect(html).not.toMatch(/appsforoffice/);
  const scripts = [...html.matchAll(/<script[^>]*src="?([^" >]+)/g)].map((m) => m[1]);
  expect(scripts).toEqual(["office-standin.js", "functions.js", "taskpane.js", "demo.js"]);
});
