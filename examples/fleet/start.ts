/**
 * @module By hand: `npx tsx examples/fleet/start.ts` starts nginx on 127.0.0.1:8080 in front of three instances of
 * the built server on one PostgreSQL; SIGHUP restarts them one by one, Ctrl+C stops everything.
 */
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { startFleet } from "./fleet.js";
import { ROOT } from "./instance.js";
import { NGINX_BIN, nginxInstalled } from "./nginx-process.js";

const env = process.env;
const fail = (line: string): never => {
  process.stderr.write(`${line}\n`);
  process.exit(2);
};

if (!existsSync(join(ROOT, "dist", "server", "cli", "index.js"))) fail("No dist/ yet: run `npm run build` first.");
if (!nginxInstalled()) fail(`No nginx at ${NGINX_BIN}: \`apt-get install nginx\`, or set NGINX_BIN.`);
const databaseUrl = env.DATABASE_URL ?? fail("Set DATABASE_URL=postgres://… (every instance uses that database).");
const port = Number(env.FLEET_PORT || 8080);
const count = Number(env.FLEET_INSTANCES || 3);
let secret = env.SLOTBOOK_SECRET;
if (!secret) {
  secret = randomBytes(32).toString("base64");
  process.stderr.write(
    `SLOTBOOK_SECRET is not set: this run uses a new key, so what it stores is unreadable once it stops.\n` +
      `Keep data across runs with SLOTBOOK_SECRET=${secret}\n`,
  );
}

const fleet = await startFleet({
  databaseUrl,
  secret,
  redisUrl: env.REDIS_URL || "redis://127.0.0.1:6379",
  port,
  instances: count,
  instancePorts: Array.from({ length: count }, (_, i) => port + 1 + i),
});
const say = (line: string) => process.stdout.write(`${line}\n`);
say(`nginx listens on ${fleet.url}, in front of ${fleet.instances.map((i) => i.url).join(", ")}`);
say(`  Demo page:   ${fleet.url}/demo`);
say(`  Logs:        ${fleet.runDir}/access.log and error.log (nginx)`);
say(`  Restart:     kill -HUP ${process.pid} (one instance at a time, as a deploy does); Ctrl+C stops all`);

let busy = false;
process.on("SIGHUP", async () => {
  if (busy) return;
  busy = true;
  for (let i = 0; i < fleet.instances.length; i++) {
    const exit = await fleet.restart(i);
    say(`instance ${i + 1} stopped (exit ${exit.code ?? exit.signal}) and answers again on ${fleet.instances[i]!.url}`);
  }
  busy = false;
});
const stop = async () => {
  say("Stopping nginx and the instances…");
  await fleet.close();
  process.exit(0);
};
process.once("SIGINT", stop).once("SIGTERM", stop);
