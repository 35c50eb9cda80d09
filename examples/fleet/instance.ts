/**
 * @module One Slotbook instance of the fleet: `node dist/server/cli/index.js serve` with the server's Node flags
 * (`SERVER_NODE_FLAGS`) as a child process, restartable.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { SERVER_NODE_FLAGS } from "../../server/cli/node-flags.js";
import { waitUntilOk } from "./wait-until-ok.js";

/** The repository root; the instances run the built server in its `dist/`. */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const CLI = join(ROOT, "dist", "server", "cli", "index.js");
// 30 s: migrations plus start-up take 1–3 s here; a slow CI box gets plenty of headroom.
const READY_TIMEOUT_MS = 30_000;
// 15 s: the server's own grace for requests in flight is 10 s; after this it is killed outright.
const STOP_TIMEOUT_MS = 15_000;

const children = new Set<ChildProcess>();
// A run that ends (or crashes) without stop() leaves no server behind.
process.once("exit", () => {
  for (const child of children) child.kill("SIGKILL");
});

/** How an instance ended: its exit code, or the signal that killed it. */
export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** A Slotbook process on 127.0.0.1:`port`, started with `env`; `start` and `stop` may alternate (a restart). */
export class Instance {
  readonly url: string;
  #child: ChildProcess | undefined;
  #exited: Promise<Exit> | undefined;
  #output = "";

  constructor(
    readonly port: number,
    readonly env: NodeJS.ProcessEnv,
  ) {
    this.url = `http://127.0.0.1:${port}`;
  }

  /** Everything the process wrote, over all its starts. */
  output(): string {
    return this.#output;
  }

  /** Spawns the server and resolves once its `/readyz` answers (the database answers, the port listens). */
  async start(): Promise<void> {
    if (this.#child) throw new Error(`instance on port ${this.port} is already running`);
    const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, CLI, "serve"], {
      cwd: ROOT,
      env: { ...process.env, ...this.env, HOST: "127.0.0.1", PORT: String(this.port) },
      stdio: ["ignore", "pipe", "pipe"],
    });
    this.#child = child;
    children.add(child);
    const append = (chunk: Buffer) => {
      this.#output += chunk.toString();
    };
    child.stdout?.on("data", append);
    child.stderr?.on("data", append);
    let gone = false;
    this.#exited = new Promise((resolve) =>
      child.once("exit", (code, signal) => {
        gone = true;
        children.delete(child);
        resolve({ code, signal });
      }),
    );
    try {
      await waitUntilOk(`${this.url}/readyz`, {
        gone: () => gone,
        output: () => this.#output,
        timeoutMs: READY_TIMEOUT_MS,
      });
    } catch (error) {
      await this.stop();
      throw error;
    }
  }

  /** SIGTERM (graceful: requests in flight finish, the outbox worker hands back), SIGKILL if it lingers; how it ended. */
  async stop(): Promise<Exit> {
    const child = this.#child;
    const exited = this.#exited;
    if (!child || !exited) return { code: null, signal: null };
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), STOP_TIMEOUT_MS);
    const exit = await exited;
    clearTimeout(timer);
    this.#child = undefined;
    this.#exited = undefined;
    return exit;
  }
}
