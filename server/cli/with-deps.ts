/** @module Opens what a one-shot command needs (config, existing database, key ring), runs it, and always closes the store. */
import { type Config, loadConfig } from "../config.js";
import { loadKeyRing } from "../crypto/index.js";
import type { Deps } from "../domain/deps.js";
import { configuredDatabaseUrl, openConfiguredStore } from "../serve.js";
import { describeDatabase } from "../store/index.js";
import { type CliIo, UsageError } from "./io.js";

/** Options for `withDeps`. */
export interface WithDepsOptions {
  /** Say on stderr when the development key is used (it matters when decrypting, e.g. for an export). */
  warnDevKey?: boolean;
}

/**
 * Runs `fn` with domain deps built from `io.env`, on the database `slotbook serve` made, and says on stderr which
 * one. It never creates a database or a development key: run from another folder, that would give an empty database
 * and a secret the server does not know (a snippet for a widget it has not got, an admin key it rejects). Where
 * there is none, it refuses with one line (exit 2). Pending migrations of an existing database are applied.
 */
export async function withDeps<T>(
  io: CliIo,
  fn: (deps: Deps, config: Config) => Promise<T>,
  options: WithDepsOptions = {},
): Promise<T> {
  const config = loadConfig(io.env);
  const database = describeDatabase(configuredDatabaseUrl(config));
  const store = openConfiguredStore(config, { mustExist: true });
  try {
    if (!(await store.hasMigrated())) {
      throw new UsageError(
        `No Slotbook database: ${database} is missing or was never set up by "slotbook serve"; run this where the ` +
          "server runs, or set DATABASE_URL (or SLOTBOOK_DATA_DIR) to the server's",
      );
    }
    // Loaded before the "Using" line, so a refused key is the only line; its warning, if any, comes after.
    let devKeyWarning: string | undefined;
    const keys = loadKeyRing({
      secret: config.secret,
      dataDir: config.dataDir,
      production: config.production,
      create: false,
      warn: (message) => {
        devKeyWarning = message;
      },
    });
    io.stderr.write(`Using ${database}\n`);
    if (options.warnDevKey && devKeyWarning) io.stderr.write(`Warning: ${devKeyWarning}\n`);
    await store.migrate();
    return await fn({ store, keys, now: () => new Date(), publicUrl: config.publicUrl }, config);
  } finally {
    await store.close();
  }
}
