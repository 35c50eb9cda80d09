/**
 * @module `slotbook/server`: the API as a Hono app to mount anywhere, the stores, the key ring, and the
 * ready-made process (`startServer`).
 * @example
 * import { Hono } from "hono";
 * import { createApp, openStore, parseSecret } from "slotbook/server";
 *
 * const store = openStore(process.env.DATABASE_URL);
 * await store.migrate();
 * const keys = parseSecret(process.env.SLOTBOOK_SECRET!);
 * const outer = new Hono();
 * outer.route("/booking", createApp({ store, keys, publicUrl: "https://site.example/booking" }));
 * // The widget then loads from https://site.example/booking/widget.js and calls the API under /booking/v1/….
 */
export { type AppOptions, createApp } from "./app.js";
export { type Config, ConfigError, loadConfig } from "./config.js";
export { type KeyRing, loadKeyRing, parseSecret } from "./crypto/index.js";
export { type RunningServer, type StartServerOptions, startServer } from "./serve.js";
export { createPostgresStore, createSqliteStore, openStore, type Store } from "./store/index.js";
