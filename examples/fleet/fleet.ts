/**
 * @module `startFleet()`: nginx on one port in front of several Slotbook instances on one PostgreSQL, sharing their
 * rate-limit counters in Redis, each with its own outbox worker. Used by `start.ts` (by hand) and `fleet.test.ts`.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Exit, Instance } from "./instance.js";
import { type NginxProcess, startNginx } from "./nginx-process.js";

/** What `startFleet` takes; only the database and the secret have no default. */
export interface FleetOptions {
  /** `postgres://…`: one database for every instance. */
  databaseUrl: string;
  /** `SLOTBOOK_SECRET`, the same for every instance (each must read what another encrypted). */
  secret: string;
  /** `REDIS_URL` for the shared rate-limit counters; without it each instance counts alone. */
  redisUrl?: string;
  /** How many instances. Default 3. */
  instances?: number;
  /** nginx's port on 127.0.0.1; 0 (the default) picks a free one. */
  port?: number;
  /** The instances' ports; free ones by default. */
  instancePorts?: number[];
  /** More environment for every instance (SMTP_URL, RATE_LIMIT_PER_MINUTE, SLOTBOOK_ADMIN_KEY, …). */
  env?: NodeJS.ProcessEnv;
  /** Where nginx and the instances write; a fresh temp folder by default, removed by `close()`. */
  runDir?: string;
}

/** A running fleet. */
export interface Fleet {
  /** nginx's address, which is also every instance's PUBLIC_URL. */
  url: string;
  runDir: string;
  instances: Instance[];
  nginx: NginxProcess;
  /** Stop one instance gracefully (SIGTERM), wait for it to exit, start it again and wait for its `/readyz`. */
  restart(index: number): Promise<Exit>;
  /** Stop nginx, then the instances; removes `runDir` when the fleet made it. */
  close(): Promise<void>;
}

/** A free TCP port on 127.0.0.1. */
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
 * Starts the instances (all at once, as a deploy does: they migrate the database together), then nginx.
 * @example const fleet = await startFleet({ databaseUrl, secret, redisUrl: "redis://127.0.0.1:6379" });
 */
export async function startFleet(options: FleetOptions): Promise<Fleet> {
  const count = options.instances ?? 3;
  if (!/^postgres(ql)?:\/\//.test(options.databaseUrl))
    throw new TypeError("startFleet: databaseUrl must be postgres://… (SQLite is one process's file)");
  const ownRunDir = !options.runDir;
  const runDir = options.runDir ?? mkdtempSync(join(tmpdir(), "slotbook-fleet-"));
  const port = options.port || (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const ports = options.instancePorts ?? (await Promise.all(Array.from({ length: count }, freePort)));
  const instances = ports.map((instancePort, i) => {
    const dataDir = join(runDir, `instance-${i + 1}`);
    mkdirSync(dataDir, { recursive: true });
    return new Instance(instancePort, {
      NODE_ENV: "production",
      DATABASE_URL: options.databaseUrl,
      SLOTBOOK_SECRET: options.secret,
      PUBLIC_URL: url,
      TRUST_PROXY: "true",
      // Its own folder for anything written locally (.eml files when SMTP_URL is unset).
      SLOTBOOK_DATA_DIR: dataDir,
      ...(options.redisUrl ? { REDIS_URL: options.redisUrl } : {}),
      ...options.env,
    });
  });
  let nginx: NginxProcess | undefined;
  const close = async () => {
    await nginx?.stop();
    await Promise.all(instances.map((instance) => instance.stop()));
    if (ownRunDir) rmSync(runDir, { recursive: true, force: true });
  };
  try {
    await Promise.all(instances.map((instance) => instance.start()));
    nginx = await startNginx({ listen: `127.0.0.1:${port}`, upstreams: ports.map((p) => `127.0.0.1:${p}`), runDir });
  } catch (error) {
    await close();
    throw error;
  }
  const restart = async (index: number) => {
    const instance = instances[index];
    if (!instance) throw new RangeError(`no instance ${index}`);
    const exit = await instance.stop();
    await instance.start();
    return exit;
  };
  return { url, runDir, instances, nginx, restart, close };
}
