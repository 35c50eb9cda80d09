/** @module nginx as a child process: the filled-in template under a folder of its own, checked with `-t`, then run. */
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { accessSync, chmodSync, constants, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { type NginxConfigOptions, renderNginxConfig } from "./nginx-config.js";
import { waitUntilOk } from "./wait-until-ok.js";

/** Debian's nginx (`apt-get install nginx`); `NGINX_BIN` names another. */
export const NGINX_BIN = process.env.NGINX_BIN || "/usr/sbin/nginx";
// 10 s: nginx starts in milliseconds; the wait is for its first proxied answer.
const READY_TIMEOUT_MS = 10_000;
// 5 s: a graceful stop (SIGQUIT) waits for open requests; after this it is told to stop at once (SIGTERM).
const STOP_TIMEOUT_MS = 5_000;

const running = new Set<ChildProcess>();
// SIGTERM, not SIGKILL: the master then stops its workers, which a killed master would leave behind.
process.once("exit", () => {
  for (const child of running) child.kill("SIGTERM");
});

/** Whether `bin` is an executable file. */
export function nginxInstalled(bin = NGINX_BIN): boolean {
  try {
    accessSync(bin, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** A running nginx. */
export interface NginxProcess {
  /** `http://` + the listen address. */
  url: string;
  /** What nginx wrote to stdout and stderr (start-up errors; its log lines go to files under runDir). */
  output(): string;
  /** The access log so far, one line a request (the `fleet` format: status, instances tried, their statuses). */
  accessLog(): string;
  /** Graceful stop (SIGQUIT), then SIGTERM if it lingers. */
  stop(): Promise<void>;
}

/**
 * Writes `runDir/nginx.conf` from the template, checks it (`nginx -t`), starts nginx in the foreground and resolves
 * once `readyPath` answers through it (so the instances must be up first).
 * @example const nginx = await startNginx({ listen: "127.0.0.1:8080", upstreams, runDir });
 */
export async function startNginx(
  options: NginxConfigOptions & { bin?: string; readyPath?: string },
): Promise<NginxProcess> {
  const { runDir, bin = NGINX_BIN, readyPath = "/healthz" } = options;
  const conf = join(runDir, "nginx.conf");
  writeFileSync(conf, renderNginxConfig(options));
  // Run as root, nginx's workers are `nobody`: they must be able to reach the temp folders under runDir.
  chmodSync(runDir, 0o755);
  const args = ["-p", runDir, "-c", conf, "-e", join(runDir, "error.log")];
  await promisify(execFile)(bin, [...args, "-t", "-q"]).catch((error: { stderr?: string }) => {
    throw new Error(`nginx -t rejected ${conf}:\n${error.stderr ?? error}`);
  });
  const child = spawn(bin, args, { stdio: ["ignore", "pipe", "pipe"] });
  running.add(child);
  let said = "";
  const append = (chunk: Buffer) => {
    said += chunk.toString();
  };
  child.stdout?.on("data", append);
  child.stderr?.on("data", append);
  let gone = false;
  const exited = new Promise<void>((resolve) =>
    child.once("exit", () => {
      gone = true;
      running.delete(child);
      resolve();
    }),
  );
  const url = `http://${options.listen}`;
  const stop = async () => {
    if (!gone) child.kill("SIGQUIT");
    const timer = setTimeout(() => child.kill("SIGTERM"), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
  };
  try {
    await waitUntilOk(`${url}${readyPath}`, { gone: () => gone, output: () => said, timeoutMs: READY_TIMEOUT_MS });
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, output: () => said, accessLog: () => readFileSync(join(runDir, "access.log"), "utf8"), stop };
}
