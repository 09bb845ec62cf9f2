/**
 * scripts/publicAddress.js: the address `npm run build` takes and the manifest it writes for it.
 * (The built dist/manifest.xml itself is checked in productionBuild.test.ts.)
 */
import * as fs from "fs";
import * as path from "path";

// A CommonJS script shared with webpack.config.js: required, with the types its doc comments state.
const { DEV_ADDRESS, manifestForAddress, publicAddress }: {
  DEV_ADDRESS: string;
  manifestForAddress(xml: string, address: string): string;
  publicAddress(raw: string): string;
} = require("../scripts/publicAddress");

const DEV_MANIFEST = fs.readFileSync(path.resolve(__dirname, "..", "manifest.xml"), "utf8");

describe("publicAddress", () => {
  test.each([
    ["https://clv.example.com/addin", "https://clv.example.com/addin/"], // the folder gets its "/"
    ["https://clv.example.com", "https://clv.example.com/"],
    ["  https://CLV.Example.com/Addin/ ", "https://clv.example.com/Addin/"], // host names are case-insensitive, paths are not
    ["https://clv.example.com:443/addin//", "https://clv.example.com/addin/"], // 443 is https's own port
    ["https://localhost:8443/", "https://localhost:8443/"],
  ])("%j -> %s", (raw, address) => {
    expect(publicAddress(raw)).toBe(address);
  });

  test.each([
    ["clv.example.com/addin", /is not a URL/],
    ["http://clv.example.com/addin/", /must start with https:\/\//],
    ["https://user:secret@clv.example.com/", /without credentials/],
    ["https://clv.example.com/addin/?v=2", /without credentials, "\?" or "#"/],
    ["https://clv.example.com/addin/#top", /without credentials, "\?" or "#"/],
  ])("refuses %j, saying what to fix", (raw, message) => {
    expect(() => publicAddress(raw)).toThrow(message);
  });
});

describe("manifestForAddress", () => {
  const address = "https://clv.example.com/addin/";
  const production = manifestForAddress(DEV_MANIFEST, address);

  test("moves every development URL under the address, and the AppDomain to its origin", () => {
    const devUrls = DEV_MANIFEST.match(/https:\/\/localhost:3000\/[^"<]*/g) ?? [];
    expect(devUrls.length).toBeGreaterThan(5);
    const moved = production.match(/https:\/\/clv\.example\.com\/addin\/[^"<]*/g) ?? [];
    expect(moved).toEqual(devUrls.map((url) => url.replace("https://localhost:3000/", address)));
    expect(production).toContain("<AppDomain>https://clv.example.com</AppDomain>");
    expect(production).not.toMatch(/localhost/i);
  });

  test("changes nothing else", () => {
    const strip = (xml: string) => xml.replace(/https:\/\/(localhost:3000|clv\.example\.com)(\/addin)?/g, "ADDRESS");
    expect(strip(production)).toBe(strip(DEV_MANIFEST));
  });

  test("leaves the development manifest as it is for the development address", () => {
    expect(manifestForAddress(DEV_MANIFEST, DEV_ADDRESS)).toBe(DEV_MANIFEST);
  });

  test("refuses a localhost URL it would not move", () => {
    const xml = '<Url DefaultValue="https://localhost:4000/help.html"/>';
    expect(() => manifestForAddress(xml, address)).toThrow("manifest.xml names https://localhost:4000/help.html, which is not under https://localhost:3000/");
  });
});
