/*
 * `npm run version:bump -- 0.2.0`: gives a release its version everywhere it is written, together:
 * package.json and package-lock.json ("0.2.0"), manifest.xml ("0.2.0.0", Office's four-part form),
 * and CHANGELOG.md (its "Unreleased" section becomes "[0.2.0] - <today>" under a fresh, empty one).
 */
const fs = require("fs");
const path = require("path");

/**
 * The version in every file that carries it. Checks everything before writing anything.
 * @param {string} root the project folder
 * @param {string} version the new version, MAJOR.MINOR.PATCH, above the current one
 * @param {string} date the release date for CHANGELOG.md, YYYY-MM-DD
 * @returns {string[]} the files written, relative to `root`
 * @throws Error when the version is malformed or not above the current one, when CHANGELOG.md's
 *   Unreleased section is empty, or when a file does not have the shape this script edits
 * @example bumpVersion(".", "0.2.0", "2026-12-01") // ["package.json", "package-lock.json", "manifest.xml", "CHANGELOG.md"]
 */
function bumpVersion(root, version, date) {
  // Office reads the manifest's Version as up to four numbers of at most five digits; npm's as semver.
  if (!/^(0|[1-9]\d{0,4})\.(0|[1-9]\d{0,4})\.(0|[1-9]\d{0,4})$/.test(version)) {
    throw new Error(`"${version}" is not a version Office and npm both accept: give MAJOR.MINOR.PATCH, e.g. 0.2.0`);
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`"${date}" is not a date in the form YYYY-MM-DD`);
  const read = (file) => fs.readFileSync(path.join(root, file), "utf8");
  const files = { "package.json": read("package.json"), "package-lock.json": read("package-lock.json"), "manifest.xml": read("manifest.xml"), "CHANGELOG.md": read("CHANGELOG.md") };

  const current = JSON.parse(files["package.json"]).version;
  const order = (v) => v.split(".").map(Number).reduce((sum, part) => sum * 100000 + part, 0);
  if (order(version) <= order(current)) throw new Error(`${version} is not above the current version ${current}: Office updates an add-in only to a higher version`);

  const updated = {
    "package.json": withJsonVersion("package.json", files["package.json"], version, (json) => [json]),
    "package-lock.json": withJsonVersion("package-lock.json", files["package-lock.json"], version, (json) => [json, json.packages[""]]),
    "manifest.xml": replaceOnce("manifest.xml", files["manifest.xml"], `<Version>${current}.0</Version>`, `<Version>${version}.0</Version>`),
    "CHANGELOG.md": releaseChangelog(files["CHANGELOG.md"], version, date),
  };
  for (const [file, text] of Object.entries(updated)) fs.writeFileSync(path.join(root, file), text);
  return Object.keys(updated);
}

/** `text` (JSON as npm writes it) with `version` set on the objects `holders` picks; refuses other formatting rather than reformat it. */
function withJsonVersion(file, text, version, holders) {
  const json = JSON.parse(text);
  const format = (value) => `${JSON.stringify(value, null, 2)}\n`;
  if (format(json) !== text) throw new Error(`${file} is not formatted as npm writes it (2 spaces, final newline): set its version by hand`);
  for (const holder of holders(json)) holder.version = version;
  return format(json);
}

function replaceOnce(file, text, from, to) {
  const count = text.split(from).length - 1;
  if (count !== 1) throw new Error(`${file} has ${count} copies of ${from}, not one: is it in step with package.json?`);
  return text.replace(from, to);
}

/** CHANGELOG.md with its Unreleased section released as `version` (Keep a Changelog 1.1.0). */
function releaseChangelog(text, version, date) {
  const heading = "## [Unreleased]";
  const start = text.indexOf(heading);
  if (start < 0) throw new Error(`CHANGELOG.md has no "${heading}" section to release`);
  const next = text.indexOf("\n## ", start + heading.length);
  const notes = text.slice(start + heading.length, next < 0 ? undefined : next).trim();
  if (!notes) throw new Error(`CHANGELOG.md's "${heading}" section is empty: say what changed in ${version} first`);
  return text.replace(heading, `${heading}\n\n## [${version}] - ${date}`);
}

if (require.main === module) {
  const version = process.argv[2];
  try {
    if (!version) throw new Error("Give the new version: npm run version:bump -- 0.2.0");
    const written = bumpVersion(path.resolve(__dirname, ".."), version, new Date().toISOString().slice(0, 10));
    console.log(`Version ${version} written to ${written.join(", ")}. Build with the add-in's address and upload dist/ (README, "Updates").`);
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}

module.exports = { bumpVersion };
