/**
 * The release's version, written together by scripts/bumpVersion.js (`npm run version:bump -- X.Y.Z`)
 * into package.json, package-lock.json, manifest.xml and CHANGELOG.md; and the files a release carries.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

// A CommonJS script: required, with the type its doc comment states.
const { bumpVersion }: { bumpVersion(root: string, version: string, date: string): string[] } = require("../scripts/bumpVersion");

const ROOT = path.resolve(__dirname, "..");
const VERSIONED = ["package.json", "package-lock.json", "manifest.xml", "CHANGELOG.md"];
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
const NOTES = "### Fixed\n\n- Something.";

const folders: string[] = [];
afterAll(() => folders.forEach((folder) => fs.rmSync(folder, { recursive: true, force: true })));

/** A copy of the versioned files in a fresh folder, with release notes under Unreleased. */
function project(): { root: string; read(file: string): string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "clv-version-"));
  folders.push(root);
  for (const file of VERSIONED) fs.copyFileSync(path.join(ROOT, file), path.join(root, file));
  const changelog = fs.readFileSync(path.join(root, "CHANGELOG.md"), "utf8").replace(/## \[Unreleased\]\n/, `## [Unreleased]\n\n${NOTES}\n`);
  fs.writeFileSync(path.join(root, "CHANGELOG.md"), changelog);
  return { root, read: (file) => fs.readFileSync(path.join(root, file), "utf8") };
}

describe("bumpVersion", () => {
  test("writes the version into the package, the lockfile, the manifest (four parts) and the changelog, and nothing else", () => {
    const { root, read } = project();
    const before = Object.fromEntries(VERSIONED.map((file) => [file, read(file)]));
    expect(bumpVersion(root, "0.2.0", "2026-12-01")).toEqual(VERSIONED);

    const packageJson = JSON.parse(read("package.json"));
    expect(packageJson).toEqual({ ...JSON.parse(before["package.json"]), version: "0.2.0" });
    const lock = JSON.parse(read("package-lock.json"));
    expect([lock.version, lock.packages[""].version]).toEqual(["0.2.0", "0.2.0"]);
    const versionLine = `"version": "${pkg.version}"`; // the lockfile's first two: its own and the root package's
    expect(read("package-lock.json")).toBe(before["package-lock.json"].replace(versionLine, '"version": "0.2.0"').replace(versionLine, '"version": "0.2.0"'));
    expect(read("manifest.xml")).toBe(before["manifest.xml"].replace(`<Version>${pkg.version}.0</Version>`, "<Version>0.2.0.0</Version>"));
    expect(read("CHANGELOG.md")).toBe(before["CHANGELOG.md"].replace("## [Unreleased]\n", "## [Unreleased]\n\n## [0.2.0] - 2026-12-01\n"));
    expect(read("CHANGELOG.md")).toContain(`## [0.2.0] - 2026-12-01\n\n${NOTES}\n\n## [${pkg.version}]`);
  });

  test("compares versions as numbers: 0.10.0 is above 0.9.0", () => {
    const { root, read } = project();
    bumpVersion(root, "0.9.0", "2026-12-01");
    fs.writeFileSync(path.join(root, "CHANGELOG.md"), read("CHANGELOG.md").replace("## [Unreleased]\n", `## [Unreleased]\n\n${NOTES}\n`));
    bumpVersion(root, "0.10.0", "2026-12-02");
    expect(read("manifest.xml")).toContain("<Version>0.10.0.0</Version>");
  });

  test.each([
    ["0.2", /is not a version Office and npm both accept/],
    ["0.2.0-beta.1", /is not a version Office and npm both accept/], // Office's version has numbers only
    ["100000.0.0", /is not a version Office and npm both accept/], // at most five digits a part
    ["01.2.0", /is not a version Office and npm both accept/],
    [pkg.version, /is not above the current version/],
    ["0.0.9", /is not above the current version/],
  ])("refuses %s and writes nothing", (version, message) => {
    const { root, read } = project();
    const before = VERSIONED.map(read);
    expect(() => bumpVersion(root, version, "2026-12-01")).toThrow(message);
    expect(VERSIONED.map(read)).toEqual(before);
  });

  test("refuses to release an empty Unreleased section", () => {
    const { root, read } = project();
    fs.writeFileSync(path.join(root, "CHANGELOG.md"), read("CHANGELOG.md").replace(`${NOTES}\n`, ""));
    expect(() => bumpVersion(root, "0.2.0", "2026-12-01")).toThrow(`CHANGELOG.md's "## [Unreleased]" section is empty: say what changed in 0.2.0 first`);
    expect(JSON.parse(read("package.json")).version).toBe(pkg.version);
  });
});

describe("the release's files", () => {
  test("CHANGELOG.md has a dated section for package.json's version", () => {
    const changelog = fs.readFileSync(path.join(ROOT, "CHANGELOG.md"), "utf8");
    expect(changelog).toMatch(new RegExp(`^## \\[${pkg.version.replace(/\./g, "\\.")}\\] - \\d{4}-\\d{2}-\\d{2}$`, "m"));
    expect(changelog).toMatch(/^## \[Unreleased\]$/m);
  });

  test("LICENSE is the MIT license that package.json declares", () => {
    const license = fs.readFileSync(path.join(ROOT, "LICENSE"), "utf8");
    expect(pkg.license).toBe("MIT");
    expect(license.split("\n")[0]).toBe("MIT License");
    expect(license).toContain("Copyright (c) 2026 CLV Toolkit contributors");
  });
});
