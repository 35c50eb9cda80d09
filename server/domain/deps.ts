/** @module What every domain function needs: the store, the keys, a clock and the public base URL. */
import type { KeyRing } from "../crypto/index.js";
import type { Store } from "../store/types.js";

/** The domain's dependencies, built once per app. */
export interface Deps {
  store: Store;
  keys: KeyRing;
  /** The clock; tests pass a fixed one. */
  now: () => Date;
  /** Base of manage links, without a trailing slash. */
  publicUrl: string;
  /** Webhook URLs may be plain http and reach loopback or private addresses (`WEBHOOK_ALLOW_PRIVATE_NETWORKS`). */
  allowPrivateWebhooks?: boolean;
}
