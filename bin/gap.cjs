#!/usr/bin/env node
"use strict";
// Loads the bundled CLI with V8's code cache (written by the build), so start-up skips most of the compiling.
const { readFileSync, writeFileSync, renameSync } = require("node:fs");
const { join, dirname } = require("node:path");
const { Script } = require("node:vm");
const { createRequire } = require("node:module");

const file = join(__dirname, "..", "dist", "cli.cjs");
const cacheFile = `${file}.cache`;
let cachedData;
try {
  cachedData = readFileSync(cacheFile);
} catch {
  cachedData = undefined;
}
// The file is a function expression, the CommonJS module wrapper included, and ASCII only (scripts/build.mjs):
// read as Latin-1 it is the same text, taken byte for byte, where decoding it as UTF-8 touched some 70 more pages.
const script = new Script(readFileSync(file, "latin1"), { filename: file, cachedData });
if (process.env.GAP_WRITE_CODE_CACHE === "1") {
  process.on("exit", () => {
    const temporary = `${cacheFile}.${process.pid}.tmp`;
    writeFileSync(temporary, script.createCachedData());
    renameSync(temporary, cacheFile);
  });
}
const module_ = { exports: {} };
script.runInThisContext()(module_.exports, createRequire(file), module_, file, dirname(file));
