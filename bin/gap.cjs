#!/usr/bin/env node
"use strict";
// Loads the bundled CLI with V8's code cache (written by the build), so start-up skips most of the compiling.
const { closeSync, fstatSync, openSync, readSync, writeFileSync, renameSync } = require("node:fs");
const { join, dirname } = require("node:path");
const { Script } = require("node:vm");
const { createRequire } = require("node:module");

const file = join(__dirname, "..", "dist", "cli.cjs");
const cacheFile = `${file}.cache`;

// Every page of fresh memory costs the process a fault, a large part of a short run. The bundle is read into a
// buffer only to be copied into a string, and the code cache is needed only while the script is compiled: both are
// read through one buffer, the cache over the bundle's bytes, so its pages are touched once.
const fd = openSync(file, "r");
let cacheFd;
try {
  cacheFd = openSync(cacheFile, "r");
} catch {
  cacheFd = undefined;
}
const size = fstatSync(fd).size;
const cacheSize = cacheFd === undefined ? 0 : fstatSync(cacheFd).size;
const buffer = Buffer.allocUnsafeSlow(Math.max(size, cacheSize));
// The file is a function expression, the CommonJS module wrapper included, and ASCII only (scripts/build.mjs):
// read as Latin-1 it is the same text, taken byte for byte, where decoding it as UTF-8 touched some 70 more pages.
const source = buffer.latin1Slice(0, readFully(fd, size));
const cachedData = cacheFd === undefined ? undefined : buffer.subarray(0, readFully(cacheFd, cacheSize));
const script = new Script(source, { filename: file, cachedData });

/** Reads a file from its start into the buffer, up to `length` bytes (fewer if it has shrunk); closes it. */
function readFully(descriptor, length) {
  let done = 0;
  try {
    for (let n; done < length && (n = readSync(descriptor, buffer, done, length - done, done)) > 0; ) done += n;
  } finally {
    closeSync(descriptor);
  }
  return done;
}
if (process.env.GAP_WRITE_CODE_CACHE === "1") {
  process.on("exit", () => {
    const temporary = `${cacheFile}.${process.pid}.tmp`;
    writeFileSync(temporary, script.createCachedData());
    renameSync(temporary, cacheFile);
  });
}
const module_ = { exports: {} };
script.runInThisContext()(module_.exports, createRequire(file), module_, file, dirname(file));
