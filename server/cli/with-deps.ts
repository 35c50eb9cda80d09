/** @module Opens what a one-shot command needs (config, key ring, migrated store), runs it, and always closes the store. */
import { type Config, loadConfig } from "../config.js";
import { loadKeyRing } from "../crypto/index.js";
import type { Deps } from "../domain/deps.js";
import { openConfiguredStore } from "../serve.js";
import type { CliIo } from "./io.js";

/** Options for `withDeps`. */
export interface WithDepsOptions {
  /** Say on stderr when the development key is used (it matters when decrypting, e.g. for an export). */
  warnDevKey?: boolean;
}

/** Runs `fn` with domain deps built from `io.env`; the store is migrated first, so commands work on a new database. */
export async function withDeps<T>(
  io: CliIo,
  fn: (deps: Deps, config: Config) => Promise<T>,
  options: WithDepsOptions = {},
): Promise<T> {
  const config = loadConfig(io.env);
  const keys = loadKeyRing({
    secret: config.secret,
    dataDir: config.dataDir,
    production: config.production,
    warn: (message) => {
      if (options.warnDevKey) io.stderr.write(`Warning: ${message}\n`);
    },
  });
  const store = openConfiguredStore(config);
  try {
    await store.migrate();
    return await fn({ store, keys, now: () => new Date(), publicUrl: config.publicUrl }, config);
  } finally {
    await store.close();
  }
}
