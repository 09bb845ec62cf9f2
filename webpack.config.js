/* Builds the shared runtime: one page (taskpane.html) hosting the task pane and the custom functions. */
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const devServerPort = 3000;

/**
 * Certificates for https://localhost. office-addin-dev-certs creates them and installs its CA; where
 * the install cannot run (Linux without sudo), the certificates still exist and we serve with them,
 * telling the user how to trust the CA by hand.
 */
async function httpsOptions() {
  const devCerts = require("office-addin-dev-certs"); // lazily: only `webpack serve` needs it
  try {
    return await devCerts.getHttpsServerOptions();
  } catch (error) {
    const dir = path.join(require("os").homedir(), ".office-addin-dev-certs");
    const read = (file) => require("fs").readFileSync(path.join(dir, file));
    console.warn(
      `\n${error.message}\nServing with the certificates in ${dir}. Trust ${path.join(dir, "ca.crt")} in your ` +
        "browser (or run: cp ~/.office-addin-dev-certs/ca.crt /usr/local/share/ca-certificates/office-addin-dev-ca.crt && update-ca-certificates).\n"
    );
    return { ca: read("ca.crt"), cert: read("localhost.crt"), key: read("localhost.key") };
  }
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const serving = process.env.WEBPACK_SERVE === "true";
  return {
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      functions: "./src/functions/functions.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true } },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: "./src/functions/functions.ts",
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane", "functions"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "manifest.xml", to: "manifest.xml" },
        ],
      }),
    ],
    devServer: {
      port: devServerPort,
      headers: { "Access-Control-Allow-Origin": "*" },
      server: serving ? { type: "https", options: await httpsOptions() } : undefined,
      onListening: () =>
        console.log(
          `\nCLV Toolkit is served on https://localhost:${devServerPort}/taskpane.html\n` +
            "Excel on the web: open a workbook, Home > Add-ins > More Settings > Upload My Add-in, and choose\n" +
            `  ${path.join(__dirname, "manifest.xml")}\n` +
            "Then type =CLV. in a cell, or open Home > CLV Wizard. Windows/macOS desktop Excel: npm run start:desktop\n"
        ),
    },
  };
};
