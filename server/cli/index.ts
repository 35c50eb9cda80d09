#!/usr/bin/env node
/** @module The `slotbook` executable: hands argv and the process's streams to `runCli`, and its code to the process. */
import { exitOnClosedPipe } from "./io.js";
import { runCli } from "./run-cli.js";

// Without a listener, `slotbook … | head` ends in an EPIPE stack trace once head has read its lines.
process.stdout.on("error", exitOnClosedPipe(process.exit));

// exitCode, not exit(): `serve` resolves while its server keeps the process alive.
process.exitCode = await runCli(process.argv.slice(2), {
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
});
