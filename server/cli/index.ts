#!/usr/bin/env node
/** @module The `slotbook` executable: hands argv and the process's streams to `runCli`, and its code to the process. */
import { runCli } from "./run-cli.js";

// exitCode, not exit(): `serve` resolves while its server keeps the process alive.
process.exitCode = await runCli(process.argv.slice(2), {
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
});
