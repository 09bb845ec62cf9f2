/*
 * The address the add-in is served from, and the manifest that points there. The root manifest.xml
 * names the development server (https://localhost:3000/) for sideloading; `npm run build` writes
 * dist/manifest.xml for the address given as `--env url=...` or ADDIN_URL, or for the development
 * address with a warning when neither is given. The bundles use relative paths, so only the manifest
 * depends on the address.
 */
const DEV_ADDRESS = "https://localhost:3000/";
/** The development origin, followed by "/" (a URL under it) or not (the AppDomain). */
const DEV_URL = /https:\/\/localhost:3000(\/?)/g;

/**
 * The public address in the one form the manifest uses: an https URL ending in "/".
 * @param {string} raw what the user typed, e.g. "https://clv.example.com/addin"
 * @returns {string} e.g. "https://clv.example.com/addin/"
 * @throws Error when `raw` is not an https address, or carries credentials, a query or a fragment
 * @example publicAddress("https://clv.example.com/addin") // "https://clv.example.com/addin/"
 */
function publicAddress(raw) {
  let url;
  try {
    url = new URL(String(raw).trim());
  } catch {
    throw new Error(`The add-in's address "${raw}" is not a URL: give one such as https://clv.example.com/addin/`);
  }
  if (url.protocol !== "https:") throw new Error(`The add-in's address "${raw}" must start with https:// (Office loads add-ins only over https)`);
  if (url.username || url.password || url.search || url.hash) {
    throw new Error(`The add-in's address "${raw}" must be a plain folder address, without credentials, "?" or "#"`);
  }
  return url.origin + url.pathname.replace(/\/*$/, "/");
}

/**
 * The manifest for `address`: every development URL (https://localhost:3000/...) moved under it, and
 * the bare development origin (the AppDomain) replaced by the address's origin.
 * @param {string} xml the development manifest
 * @param {string} address a `publicAddress` result
 * @returns {string} the manifest for that address
 * @throws Error when a localhost URL other than the development server's would remain
 * @example manifestForAddress('<x a="https://localhost:3000/taskpane.html"/>', "https://clv.example.com/addin/")
 *   // '<x a="https://clv.example.com/addin/taskpane.html"/>'
 */
function manifestForAddress(xml, address) {
  const origin = new URL(address).origin;
  const moved = xml.replace(DEV_URL, (_, slash) => (slash ? address : origin));
  const leftover = /https?:\/\/localhost[^"<\s]*/i.exec(moved);
  if (leftover && new URL(address).hostname !== "localhost") {
    throw new Error(`manifest.xml names ${leftover[0]}, which is not under ${DEV_ADDRESS}: only those addresses are moved to ${address}`);
  }
  return moved;
}

module.exports = { DEV_ADDRESS, publicAddress, manifestForAddress };
