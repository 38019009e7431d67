#!/usr/bin/env node
"use strict";
// Starts govreport: the bundle, or the compiled modules during development (see choose-entry.cjs).
require(require("./choose-entry.cjs").chooseEntry(require("node:path").join(__dirname, "..")).file);
