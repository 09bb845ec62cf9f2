/* The https certificates for localhost that `npm start` and `npm run serve:dist` serve with. */
const fs = require("fs");
const os = require("os");
const path = require("path");

/**
 * Certificates for https://localhost. office-addin-dev-certs creates them and installs its CA; where
 * the install cannot run (Linux without sudo), the certificates still exist and we serve with them,
 * telling the user how to trust the CA by hand.
 * @returns {Promise<{ ca: Buffer, cert: Buffer, key: Buffer }>} options for `https.createServer`
 * @throws Error when the certificates could neither be installed nor found
 * @example await httpsOptions() // { ca: <Buffer ...>, cert: <Buffer ...>, key: <Buffer ...> }
 */
async function httpsOptions() {
  const devCerts = require("office-addin-dev-certs"); // lazily: only serving needs it
  try {
    return await devCerts.getHttpsServerOptions();
  } catch (error) {
    const dir = path.join(os.homedir(), ".office-addin-dev-certs");
    const read = (file) => fs.readFileSync(path.join(dir, file));
    console.warn(
      `\n${error.message}\nServing with the certificates in ${dir}. Trust ${path.join(dir, "ca.crt")} in your ` +
        "browser (or run: cp ~/.office-addin-dev-certs/ca.crt /usr/local/share/ca-certificates/office-addin-dev-ca.crt && update-ca-certificates).\n"
    );
    return { ca: read("ca.crt"), cert: read("localhost.crt"), key: read("localhost.key") };
  }
}

module.exports = { httpsOptions };
