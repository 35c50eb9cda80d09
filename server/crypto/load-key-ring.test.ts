/** @module Loading keys: the given secret, the development key file (mode 0600), refusal in production. */
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { decrypt, encrypt, loadKeyRing, parseSecret } from "./index.js";

const tempDir = () => join(mkdtempSync(join(tmpdir(), "slotbook-key-")), "data");

describe("loadKeyRing", () => {
  it("uses SLOTBOOK_SECRET when given, without touching the disk or warning", () => {
    const secret = randomBytes(32).toString("base64");
    const warn = vi.fn();
    const dataDir = tempDir();
    const ring = loadKeyRing({ secret, dataDir, production: true, warn });
    expect(ring.keys[0].id).toBe(parseSecret(secret).keys[0].id);
    expect(warn).not.toHaveBeenCalled();
    expect(() => statSync(dataDir)).toThrow();
  });

  it("refuses to start in production without SLOTBOOK_SECRET", () => {
    const warn = vi.fn();
    expect(() => loadKeyRing({ dataDir: tempDir(), production: true, warn })).toThrow(/SLOTBOOK_SECRET/);
    expect(warn).not.toHaveBeenCalled();
  });

  it("generates a development key with mode 0600, warns once, and reuses it", () => {
    const dataDir = tempDir();
    const warn = vi.fn();
    const first = loadKeyRing({ dataDir, production: false, warn });
    const file = join(dataDir, "secret");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(Buffer.from(readFileSync(file, "utf8").trim(), "base64")).toHaveLength(32);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toMatch(/Generated a development key.*SLOTBOOK_SECRET in production/);

    const again = vi.fn();
    const second = loadKeyRing({ dataDir, production: false, warn: again });
    expect(second.keys[0].id).toBe(first.keys[0].id);
    expect(decrypt(second, encrypt(first, "kept", "a"), "a")).toBe("kept");
    expect(again).toHaveBeenCalledTimes(1);
    expect(again.mock.calls[0]?.[0]).toMatch(/development key/);
  });

  it("create: false uses an existing development key but never makes one", () => {
    const dataDir = tempDir();
    expect(() => loadKeyRing({ dataDir, production: false, warn: () => {}, create: false })).toThrow(
      /SLOTBOOK_SECRET is not set and there is no development key in .*secret/,
    );
    expect(() => statSync(dataDir)).toThrow();
    const made = loadKeyRing({ dataDir, production: false, warn: () => {} });
    const read = loadKeyRing({ dataDir, production: false, warn: () => {}, create: false });
    expect(read.keys[0].id).toBe(made.keys[0].id);
  });

  it("names the file and the variable when the stored key is bad", () => {
    const dataDir = tempDir();
    loadKeyRing({ dataDir, production: false, warn: () => {} });
    writeFileSync(join(dataDir, "secret"), "short");
    expect(() => loadKeyRing({ dataDir, production: false, warn: () => {} })).toThrow(
      /SLOTBOOK_SECRET key 1 of 1 is not 32 bytes.*read from .*secret/,
    );
  });

  it("rejects a bad SLOTBOOK_SECRET even in development", () => {
    expect(() => loadKeyRing({ secret: "", dataDir: tempDir(), production: false, warn: () => {} })).toThrow(
      /SLOTBOOK_SECRET is empty/,
    );
  });
});
