#!/usr/bin/env node
"use strict";
// Starts govreport: the bundle, or the compiled modules during development (see choose-entry.cjs). The bundle's main
// file, like its command files, is loaded through V8's code cache (src/chunk-loader.ts, built as dist/loader.cjs).
const path = require("node:path");
const { file, bundle } = require("./choose-entry.cjs").chooseEntry(path.join(__dirname, ".."));
if (bundle) require(path.join(path.dirname(file), "loader.cjs")).loadChunk(path.dirname(file), "govreport");
else require(file);
