/**
 * @module Test helper: makes sure `dist/` holds a build of the current sources, so tests can use the package the way
 * a developer does (`slotbook/sdk`, `slotbook/server` resolve to `dist/` through the `exports` map). Builds at most
 * once at a time across parallel test workers; an up-to-date build is left alone. No vitest import, so scripts may use it.
 */
import { spawn } from "node:child_process";
import { mkdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root. */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");

// 3 minutes: a build takes ~15 s here; a lock older than this was left by a killed run.
const STALE_LOCK_MS = 180_000;
const LOCK = join(tmpdir(), `slotbook-build-${ROOT.replace(/\W+/g, "_")}.lock`);

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

function tryLock(): boolean {
  try {
    mkdirSync(LOCK);
    return true;
  } catch {
    const lockedAt = statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now();
    if (Date.now() - lockedAt > STALE_LOCK_MS) rmSync(LOCK, { recursive: true, force: true });
    return false;
  }
}

/**
 * Runs `npm run build`, which compiles only what changed (scripts/build.mjs), one test worker at a time: a worker
 * that finds the lock taken waits for it, then runs the build too, which is then a no-op.
 */
export async function ensureBuilt(): Promise<void> {
  while (!tryLock()) await new Promise((resolve) => setTimeout(resolve, 250));
  try {
    await run("node", ["scripts/build.mjs"]);
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}
