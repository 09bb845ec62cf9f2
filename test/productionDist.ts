/** The production build the tests read: dist/, which npm test builds for EXAMPLE_ADDRESS. */
import * as fs from "fs";
import * as path from "path";

/** The address npm test builds for (package.json's "test" script passes it to webpack). */
export const EXAMPLE_ADDRESS = "https://clv.example.com/addin/";

export const DIST = path.resolve(__dirname, "..", "dist");

/**
 * A file of dist/, saying how to build it when it is missing.
 * @example readDist("manifest.xml").toString() // '<?xml version="1.0" ...'
 */
export function readDist(file: string): Buffer {
  const full = path.join(DIST, file);
  if (!fs.existsSync(full)) throw new Error(`${full} is missing: run \`npm run build -- --env url=${EXAMPLE_ADDRESS}\` first (npm test does)`);
  return fs.readFileSync(full);
}
