#!/usr/bin/env node
// The `clv` command: runs the compiled command line (npm install / npm ci build it into lib/).
process.exitCode = require("../lib/cli/clv.js").main(process.argv.slice(2));
