/** @module Test helper: the HTTP app on the same SQLite file a test CLI writes to, to check what commands did. */
import { createApp } from "../app.js";
import { parseSecret } from "../crypto/index.js";
import { createSqliteStore } from "../store/index.js";
import { TEST_SECRET } from "../testing/api-harness.js";
import type { TestCli } from "./run-for-test.js";

/** The app over `cli`'s database, with the same secret; close its store when done. */
export function appOnCliDb(cli: TestCli, adminKey?: string) {
  const store = createSqliteStore({ filename: cli.filename });
  const app = createApp({
    store,
    keys: parseSecret(TEST_SECRET),
    log: false,
    rateLimitPerMinute: 0,
    publicUrl: "https://book.test",
    ...(adminKey ? { adminKey } : {}),
  });
  return { app, store };
}
