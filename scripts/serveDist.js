/*
 * `npm run serve:dist`: serves the production build in dist/ over https the way a static host does,
 * under the path of the address dist/manifest.xml points at, to try the released files before
 * uploading them. Build first (`npm run build`; with no address the manifest points at
 * https://localhost:3000/, and this server is then the add-in's host for sideloading dist/manifest.xml).
 */
const fs = require("fs");
const http = require("http");
const https = require("https");
const path = require("path");
const { DEV_ADDRESS } = require("./publicAddress");

const DIST = path.resolve(__dirname, "..", "dist");

/** Content types by file extension: what a static host sends for each kind of file in dist/. */
const CONTENT_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".png": "image/png",
  ".txt": "text/plain; charset=utf-8",
};

/**
 * The address a built manifest points at: the folder of its task pane page (DefaultSettings' SourceLocation).
 * @param {string} manifestXml the manifest's text
 * @returns {string} the address, ending in "/"
 * @throws Error when the manifest has no SourceLocation
 * @example manifestAddress('<SourceLocation DefaultValue="https://clv.example.com/addin/taskpane.html"/>') // "https://clv.example.com/addin/"
 */
function manifestAddress(manifestXml) {
  const page = /<SourceLocation DefaultValue="([^"]+)"/.exec(manifestXml);
  if (!page) throw new Error("The manifest has no <SourceLocation DefaultValue=...>: is it the add-in's manifest?");
  return new URL("./", page[1]).href;
}

/**
 * Starts an https server for the files under `root`, at URLs under `basePath`; GET and HEAD only. Like
 * the host the README asks for, it allows every origin to read the files (CORS): Excel on the web
 * fetches functions.json from its own origin. Without `tls` it serves plain http (the browser tests).
 * @param {{ root: string, basePath: string, tls?: { cert: Buffer, key: Buffer }, port: number, host?: string }} options
 *   `basePath` starts and ends with "/"; port 0 picks a free port; host defaults to "localhost"
 * @returns {Promise<https.Server>} the listening server
 * @example await serveFiles({ root: "dist", basePath: "/addin/", tls, port: 0 }) // GET /addin/taskpane.html -> dist/taskpane.html
 */
function serveFiles({ root, basePath, tls, port, host = "localhost" }) {
  const handle = (request, response) => {
    const send = (status, headers = {}, body) => {
      response.writeHead(status, { "X-Content-Type-Options": "nosniff", ...headers });
      response.end(request.method === "HEAD" ? undefined : body);
    };
    if (request.method !== "GET" && request.method !== "HEAD") return send(405, { Allow: "GET, HEAD" });
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(request.url, "https://localhost").pathname);
    } catch {
      return send(400, { "Content-Type": "text/plain" }, "Bad request");
    }
    const file = path.join(root, pathname.slice(basePath.length));
    const inside = pathname.startsWith(basePath) && file.startsWith(root + path.sep);
    if (!inside || !fs.existsSync(file) || !fs.statSync(file).isFile()) return send(404, { "Content-Type": "text/plain" }, "Not found");
    const type = CONTENT_TYPES[path.extname(file)] ?? "application/octet-stream";
    send(200, { "Content-Type": type, "Cache-Control": "no-cache", "Access-Control-Allow-Origin": "*" }, fs.readFileSync(file));
  };
  const server = tls ? https.createServer(tls, handle) : http.createServer(handle);
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve(server));
  });
}

async function main() {
  const manifest = path.join(DIST, "manifest.xml");
  if (!fs.existsSync(manifest)) throw new Error(`${manifest} is missing: run \`npm run build\` first`);
  const address = new URL(manifestAddress(fs.readFileSync(manifest, "utf8")));
  const local = address.hostname === "localhost";
  const port = Number(local ? address.port || 443 : new URL(DEV_ADDRESS).port);
  const { httpsOptions } = require("./devCertificates");
  await serveFiles({ root: DIST, basePath: address.pathname, tls: await httpsOptions(), port });
  const served = `https://localhost:${port}${address.pathname}`;
  console.log(`\ndist/ is served at ${served} (taskpane.html, functions.js, functions.json, assets/...)`);
  console.log(
    local
      ? `Sideload ${manifest}: in Excel on the web, Home > Add-ins > More Settings > Upload My Add-in.\n`
      : `dist/manifest.xml points at ${address.href}, so Excel loads the add-in from there, not from here.\n` +
          `To sideload this local copy, build it for this server: ADDIN_URL=${DEV_ADDRESS} npm run build\n`
  );
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
}

module.exports = { manifestAddress, serveFiles };
