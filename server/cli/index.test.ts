/** @module The `slotbook` executable as a real process: `… | head` (stdout closed early) ends quietly with code 0. */
import { spawn } from "node:child_process";
import { Writable } from "node:stream";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { exitOnClosedPipe } from "./io.js";
import { useTestCli } from "./run-for-test.js";

const ENTRY = fileURLToPath(new URL("./index.ts", import.meta.url));

const cli = useTestCli();

/** Runs the CLI with its stdout pipe closed before it writes, like `slotbook … | head -0`. */
function runWithClosedStdout(argv: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", ENTRY, ...argv], {
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout.destroy();
    let stderr = "";
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stderr }));
  });
}

describe("slotbook executable", () => {
  it("exits quietly with 0 when the reader of stdout has gone away (EPIPE), e.g. `bookings export | head -3`", async () => {
    const widget =
      /Created widget (wgt_[\w-]+)/.exec((await cli.run("widget", "create", "--title", "Class")).stdout)?.[1] ?? "";
    expect(widget).not.toBe("");
    const result = await runWithClosedStdout(["bookings", "export", "--widget", widget], cli.env);
    expect(result.stderr).not.toMatch(/EPIPE|Error/);
    expect(result.code).toBe(0);
  }, 20_000);

  it("exitOnClosedPipe exits 0 on EPIPE and rethrows anything else", async () => {
    const failing = (code: string) =>
      new Writable({
        write(_chunk, _encoding, callback) {
          callback(Object.assign(new Error(`write ${code}`), { code }));
        },
      });
    const exits: number[] = [];
    const pipe = failing("EPIPE");
    pipe.on(
      "error",
      exitOnClosedPipe((code) => exits.push(code)),
    );
    pipe.write("id,widget_id\r\n");
    await new Promise((resolve) => setImmediate(resolve));
    expect(exits).toEqual([0]);
    expect(() =>
      exitOnClosedPipe((code) => exits.push(code))(Object.assign(new Error("disk"), { code: "EIO" })),
    ).toThrow("disk");
    expect(exits).toEqual([0]);
  });
});
