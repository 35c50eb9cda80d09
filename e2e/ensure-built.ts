/**
 * @module Test helper: makes sure `dist/` holds a build of the current sources, so tests can use the package the way
 * a developer does (`slotbook/sdk`, `slotbook/server` resolve to `dist/` through the `exports` map). Builds at most
 * once at a time across parallel test workers; a fresh build is left alone. No vitest import, so scripts may use it.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root. */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");

// What a build writes last in each of its two steps (tsc, then vite), and what the package's entries need.
const OUTPUTS = ["dist/sdk/index.js", "dist/server/index.js", "dist/widget/index.js", "dist/embed/widget.js"];
const SOURCE_DIRS = ["sdk", "server", "widget"];
const SOURCE_FILES = ["package.json", "tsconfig.json", "vite.config.ts"];
// 3 minutes: a build takes ~15 s here; a lock older than this was left by a killed run.
const STALE_LOCK_MS = 180_000;
const LOCK = join(tmpdir(), `slotbook-build-${ROOT.replace(/\W+/g, "_")}.lock`);

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (/\.tsx?$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** Whether every output exists and is newer than every source. */
export function isBuildFresh(): boolean {
  const outputs = OUTPUTS.map((file) => join(ROOT, file));
  if (!outputs.every((file) => existsSync(file))) return false;
  const built = Math.min(...outputs.map((file) => statSync(file).mtimeMs));
  const sources = Math.max(
    ...SOURCE_DIRS.map((dir) => newestSource(join(ROOT, dir))),
    ...SOURCE_FILES.map((file) => statSync(join(ROOT, file)).mtimeMs),
  );
  return built >= sources;
}

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

/** Runs `npm run build` unless `dist/` is already a build of the current sources. */
export async function ensureBuilt(): Promise<void> {
  while (!isBuildFresh()) {
    if (!tryLock()) {
      // Another worker is building: wait for it, then look again.
      await new Promise((resolve) => setTimeout(resolve, 250));
      continue;
    }
    try {
      if (!isBuildFresh()) await run("npm", ["run", "build", "--silent"]);
    } finally {
      rmSync(LOCK, { recursive: true, force: true });
    }
    return;
  }
}
