#!/usr/bin/env node
"use strict";
// `govreport-language-server --stdio`: the bundled server, for any editor that speaks LSP.
require("../dist/server.js");
