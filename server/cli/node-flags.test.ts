/**
 * @module The server's Node flags: this Node takes them, they make the young generation bigger, `npm start` uses them,
 * `serve --help` names them.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { packageRoot } from "../package-root.js";
import { serveCommand } from "./commands/serve.js";
import { SERVER_NODE_FLAGS } from "./node-flags.js";

/**
 * The heap's limit in MB in a Node started with `flags`: V8 adds three semi-spaces' worth of young generation to the
 * old generation's limit, so a bigger semi-space shows in it.
 */
function heapLimitMb(flags: readonly string[], env: NodeJS.ProcessEnv = {}): number {
  const script = "console.log(require('node:v8').getHeapStatistics().heap_size_limit / 2 ** 20)";
  const run = spawnSync(process.execPath, [...flags, "-e", script], {
    encoding: "utf8",
    env: { ...process.env, NODE_OPTIONS: "", ...env },
  });
  expect(run.status, run.stderr).toBe(0);
  return Number(run.stdout.trim());
}

describe("SERVER_NODE_FLAGS", () => {
  it("are taken by this Node and give the young generation more room than the default", () => {
    // 64 MB a semi-space where Node 20's default is 16: 3 × 48 MB more. A Node whose default is as big fails here,
    // and the flag would then be one to drop.
    expect(heapLimitMb(SERVER_NODE_FLAGS)).toBeGreaterThan(heapLimitMb([]));
  });

  it("work as NODE_OPTIONS too, as `serve --help` and the README tell those who start the server another way", () => {
    const viaEnv = heapLimitMb([], { NODE_OPTIONS: SERVER_NODE_FLAGS.join(" ") });
    expect(viaEnv).toBe(heapLimitMb(SERVER_NODE_FLAGS));
    expect(viaEnv).toBeGreaterThan(heapLimitMb([]));
  });

  it("are what npm start runs the server with", () => {
    const pkg = JSON.parse(readFileSync(join(packageRoot(), "package.json"), "utf8")) as { scripts: { start: string } };
    expect(pkg.scripts.start).toContain(`node ${SERVER_NODE_FLAGS.join(" ")} dist/server/cli/index.js serve`);
  });

  it("are named in `slotbook serve --help`, for those who start the server another way", () => {
    expect(serveCommand.help).toContain(`NODE_OPTIONS="${SERVER_NODE_FLAGS.join(" ")}"`);
  });
});
