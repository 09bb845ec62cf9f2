/* The demo page, added to the add-in's webpack config by `npm start` and `npm run build:demo`, never by `npm run build`. */
const HtmlWebpackPlugin = require("html-webpack-plugin");

/**
 * The add-in's config plus the demo page: demo.html loads office-standin.js (the simulated workbook and the
 * Office, Excel and CustomFunctions globals) where Excel would load office.js, then the add-in's own
 * functions.js and taskpane.js, then demo.js (the workbook view). HyperFormula (GPL) enters only
 * office-standin.js. `outputPath`, when given, replaces dist/ (the folder users host) as the output.
 */
module.exports = function withDemo(config, outputPath) {
  return {
    ...config,
    entry: { ...config.entry, "office-standin": "./src/demo/office.ts", demo: "./src/demo/index.tsx" },
    output: outputPath === undefined ? config.output : { ...config.output, path: outputPath },
    plugins: [
      ...config.plugins,
      new HtmlWebpackPlugin({
        filename: "demo.html",
        template: "./src/demo/demo.html",
        chunks: ["office-standin", "functions", "taskpane", "demo"],
        chunksSortMode: "manual",
        scriptLoading: "blocking",
        inject: "body",
      }),
    ],
  };
};
