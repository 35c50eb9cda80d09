/**
 * @module Test helper: brings `dist/` up to date with the sources, so tests use the package the way a developer does
 * (`slotbook/sdk`, `slotbook/server` resolve to `dist/` through the `exports` map), and runs commands in the
 * repository. No vitest import, so scripts may use it.
 */
import { spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root. */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");

/** Runs a command in the repository root; rejects with its output when it fails. */
export function run(command: string, args: string[], cwd = ROOT, env: NodeJS.ProcessEnv = process.env) {
  return new Promise<string>((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once("error", reject);
    child.once("exit", (code) =>
      code === 0 ? resolve(output) : reject(new Error(`${command} ${args.join(" ")} failed (${code}):\n${output}`)),
    );
  });
}

/**
 * `npm run build`: compiles only what changed (scripts/build.mjs). Vitest calls it once per run from the global setup
 * (e2e/global-setup.ts), before any test file starts, so no two workers ever build at once; scripts call it first.
 */
export async function build(): Promise<void> {
  await run("node", ["scripts/build.mjs"]);
}
