import { describe, expect, it } from "vitest";
import { hashPassword, UNUSABLE_PASSWORD_HASH, verifyPassword } from "./password.js";

describe("passwords", () => {
  it("verifies the password a hash was made from and no other", async () => {
    const stored = await hashPassword("correct horse battery");
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(stored).not.toContain("correct horse");
    expect(await verifyPassword("correct horse battery", stored)).toBe(true);
    expect(await verifyPassword("correct horse batterY", stored)).toBe(false);
    expect(await verifyPassword("", stored)).toBe(false);
  });

  it("salts each hash, so two users with one password have different hashes", async () => {
    expect(await hashPassword("same password")).not.toBe(await hashPassword("same password"));
  });

  it("treats a composed and a decomposed accent as the same password (NFKC)", async () => {
    const stored = await hashPassword("caf\u00e9 au lait!");
    expect(await verifyPassword("cafe\u0301 au lait!", stored)).toBe(true);
  });

  it("answers false, not an error, for a malformed or unusable hash", async () => {
    for (const stored of ["", "bcrypt$x", "scrypt$x$8$1$salt$hash", "scrypt$32768$8$1$$"]) {
      expect(await verifyPassword("anything at all", stored)).toBe(false);
    }
    expect(await verifyPassword("anything at all", UNUSABLE_PASSWORD_HASH)).toBe(false);
  });
});
