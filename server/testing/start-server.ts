/**
 * @module Test helper: a REAL `slotbook serve` in a separate Node process, for multi-instance and browser tests.
 * No vitest import here, so any test runner or script may load it.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
// 20 s: a cold tsx start plus migrations takes 1–3 s here; a slow CI box gets plenty of headroom.
const READY_TIMEOUT_MS = 20_000;
// 5 s: graceful shutdown finishes in milliseconds; after this the child is killed outright.
const STOP_TIMEOUT_MS = 5_000;

/** A running server process. */
export interface ServerProcess {
  /** e.g. `http://127.0.0.1:40123` */
  url: string;
  port: number;
  /** Everything the process wrote so far (its start-up lines, request logs, errors). */
  output(): string;
  /** SIGTERM (graceful), then SIGKILL if it lingers; resolves when the process is gone. */
  stop(): Promise<void>;
  /** SIGKILL at once (a crash: nothing runs on the way out); resolves when the process is gone. */
  kill(): Promise<void>;
}

const children = new Set<ChildProcess>();
let exitHookInstalled = false;

/** A free TCP port on 127.0.0.1, found by listening on port 0 and closing again. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Spawns `node --import tsx server/cli/index.ts serve` on 127.0.0.1 with `env` on top of this process's
 * environment, and resolves once `/healthz` answers. Request logs are off unless `env` says otherwise;
 * without `SLOTBOOK_DATA_DIR` the process gets a fresh temp folder (its dev key and default SQLite file).
 * @example const a = await startServerProcess({ env: { DATABASE_URL, SLOTBOOK_SECRET } }); … await a.stop();
 */
export async function startServerProcess(
  options: { env?: NodeJS.ProcessEnv; port?: number } = {},
): Promise<ServerProcess> {
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const ownDataDir = options.env?.SLOTBOOK_DATA_DIR ? undefined : mkdtempSync(join(tmpdir(), "slotbook-proc-"));
  const child = spawn(process.execPath, ["--import", "tsx", join(ROOT, "server", "cli", "index.ts"), "serve"], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "test",
      PUBLIC_URL: url,
      ...(ownDataDir ? { SLOTBOOK_DATA_DIR: ownDataDir } : {}),
      ...options.env,
      HOST: "127.0.0.1",
      PORT: String(port),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.add(child);
  installExitHook();
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.once("exit", () => {
    children.delete(child);
    if (ownDataDir) rmSync(ownDataDir, { recursive: true, force: true });
  });

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    }
  };
  try {
    await waitUntilHealthy(url, exited, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  const kill = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    await exited;
  };
  return { url, port, output: () => output, stop, kill };
}

async function waitUntilHealthy(url: string, exited: Promise<void>, output: () => string): Promise<void> {
  let gone = false;
  void exited.then(() => {
    gone = true;
  });
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (gone) throw new Error(`The server process exited before it was ready:\n${output()}`);
    const ok = await fetch(`${url}/healthz`).then(
      (res) => res.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`The server process did not answer ${url}/healthz within ${READY_TIMEOUT_MS} ms:\n${output()}`);
}

// A test run that ends (or crashes) without stop() must not leave servers behind.
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once("exit", () => {
    for (const child of children) child.kill("SIGKILL");
  });
}
