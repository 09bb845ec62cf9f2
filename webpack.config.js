/* Builds the shared runtime: one page (taskpane.html) hosting the task pane and the custom functions. */
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { DefinePlugin } = require("webpack");
const { httpsOptions } = require("./scripts/devCertificates");
const { DEV_ADDRESS, manifestForAddress, publicAddress } = require("./scripts/publicAddress");
const { version } = require("./package.json");
const withDemo = require("./src/demo/webpack.demo");

const devServerPort = Number(new URL(DEV_ADDRESS).port); // 3000: the root manifest.xml names it

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const serving = process.env.WEBPACK_SERVE === "true";
  // The address dist/manifest.xml points at: `--env url=...` or ADDIN_URL (see the README's "Install for your team").
  const requestedAddress = env.url ?? process.env.ADDIN_URL;
  const address = publicAddress(requestedAddress ?? DEV_ADDRESS);
  if (!requestedAddress && !serving && !env.demo) {
    console.warn(
      `\ndist/manifest.xml points at ${DEV_ADDRESS}: for trying dist/ on this machine (npm run serve:dist).\n` +
        "For your users, build with the address dist/ will be served from: ADDIN_URL=https://clv.example.com/addin/ npm run build\n"
    );
  }
  const config = {
    // ES2020, the level tsconfig.json compiles to. It lets webpack's runtime use `globalThis` instead of
    // its `new Function("return this")` fallback, so the bundles contain no eval of any kind.
    target: ["web", "es2020"],
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
      new DefinePlugin({ __ADDIN_VERSION__: JSON.stringify(version) }), // shown in the pane's footer
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
          { from: "manifest.xml", to: "manifest.xml", transform: (content) => manifestForAddress(content.toString(), address) },
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
            "Then type =CLV. in a cell, or open Home > CLV Wizard. Windows/macOS desktop Excel: npm run start:desktop\n" +
            `\nThe demo (a simulated workbook beside the real pane, no Excel needed): https://localhost:${devServerPort}/demo.html\n`
        ),
    },
  };
  // `npm start` serves the demo page too; `npm run build:demo` (--env demo) builds it into demo-dist/, never into
  // dist/: the demo holds HyperFormula (GPL), which must not reach the add-in users host.
  if (env.demo) return withDemo(config, path.resolve(__dirname, "demo-dist"));
  return serving ? withDemo(config) : config;
};
