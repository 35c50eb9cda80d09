/** @module Loads the key ring at start-up: from SLOTBOOK_SECRET, or a generated development key on disk. */
import { randomBytes } from "node:crypto";
import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { type KeyRing, parseSecret } from "./key-ring.js";

/** Where the key ring comes from. */
export interface LoadKeyRingOptions {
  /** The value of `SLOTBOOK_SECRET`, if set. */
  secret?: string | undefined;
  /** Folder of the development key file (`<dataDir>/secret`), e.g. `./.slotbook`. */
  dataDir: string;
  /** `NODE_ENV=production`: refuse to run without `SLOTBOOK_SECRET`. */
  production: boolean;
  /** Told once when a development key is used instead of `SLOTBOOK_SECRET`. */
  warn: (message: string) => void;
  /**
   * Generate the development key when there is none (default true). False for tools that work on data encrypted
   * by a running server: a new key would not open it, so a missing one is an error instead.
   */
  create?: boolean;
}

/**
 * The key ring from `secret`; without one, refuses in production and otherwise reads or (unless `create` is false)
 * creates `<dataDir>/secret` (mode 0600).
 * @example loadKeyRing({ secret: process.env.SLOTBOOK_SECRET, dataDir: ".slotbook", production, warn: console.warn })
 */
export function loadKeyRing(options: LoadKeyRingOptions): KeyRing {
  if (options.secret !== undefined) return parseSecret(options.secret);
  if (options.production) {
    throw new Error("SLOTBOOK_SECRET is required in production (base64 32-byte keys, comma-separated, newest first)");
  }
  const file = join(options.dataDir, "secret");
  if (options.create === false && !existsSync(file)) {
    throw new Error(
      `SLOTBOOK_SECRET is not set and there is no development key in ${resolve(file)}; set SLOTBOOK_SECRET to the server's`,
    );
  }
  const created = ensureSecretFile(options.dataDir, file);
  const ring = parseWithFile(readFileSync(file, "utf8"), file);
  options.warn(
    created
      ? `Generated a development key in ${file}; set SLOTBOOK_SECRET in production.`
      : `Using the development key in ${file}; set SLOTBOOK_SECRET in production.`,
  );
  return ring;
}

// Writes a temporary file, then links it into place: `link` fails if the file exists, so two
// servers starting together agree on one key and neither can read a half-written file.
function ensureSecretFile(dataDir: string, file: string): boolean {
  if (existsSync(file)) return false;
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const temp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  writeFileSync(temp, `${randomBytes(32).toString("base64")}\n`, { mode: 0o600, flag: "wx" });
  try {
    linkSync(temp, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  } finally {
    unlinkSync(temp);
  }
}

function parseWithFile(text: string, file: string): KeyRing {
  try {
    return parseSecret(text.trim());
  } catch (cause) {
    throw new Error(`${(cause as Error).message} (read from ${file}, used when SLOTBOOK_SECRET is unset)`, { cause });
  }
}
