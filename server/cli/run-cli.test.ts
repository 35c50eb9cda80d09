import { describe, expect, it } from "vitest";
import { COMMANDS } from "./commands/index.js";
import { makeTestCli, useTestCli } from "./run-for-test.js";

const cli = useTestCli();

describe("runCli", () => {
  it("--help lists every command with examples", async () => {
    for (const argv of [["--help"], ["-h"], ["help"]]) {
      const result = await cli.run(...argv);
      expect(result.code).toBe(0);
      for (const command of COMMANDS) expect(result.stdout).toContain(`  ${command.name}`);
      expect(result.stdout).toContain("Examples:");
    }
  });

  it.each(COMMANDS.map((c) => [c.name]))(
    "%s --help shows usage and examples without touching the database",
    async (name) => {
      const result = await cli.run(...name.split(" "), "--help");
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(`Usage: slotbook ${name}`);
      expect(result.stdout).toContain(`slotbook ${name}`);
      expect(result.stdout).toMatch(/Examples:\n {2}slotbook/);
      expect(await cli.run("help", ...name.split(" "))).toEqual(result);
    },
  );

  it("a group with --help shows its commands' help", async () => {
    const result = await cli.run("widget", "--help");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Usage: slotbook widget create");
  });

  it("--version prints the package version", async () => {
    expect((await cli.run("--version")).stdout).toMatch(/^\d+\.\d+\.\d+/);
  });

  it.each([
    [["widgets"], 'Unknown command "widgets"; see "slotbook --help" for the list'],
    [["widget"], 'Unknown command "slotbook widget"; did you mean "slotbook widget create"? See "slotbook --help"'],
    [
      ["keys", "delete"],
      'Unknown command "slotbook keys delete"; did you mean "slotbook keys create", "slotbook keys list" or ' +
        '"slotbook keys revoke"? See "slotbook --help"',
    ],
    [
      ["keys", "create", "--force"],
      'Unknown option --force for "slotbook keys create"; see "slotbook keys create --help"',
    ],
    [["widget", "create", "--title"], '--title needs a value; see "slotbook widget create --help"'],
    [["widget", "create", "--title", "--origin", "x"], '--title needs a value; see "slotbook widget create --help"'],
    [["keys", "create", "--help=yes"], '--help takes no value; see "slotbook keys create --help"'],
    [["widget", "create", "--title", "Free", "trial"], 'Unexpected argument "trial" for "slotbook widget create"'],
    [["--port", "3000"], 'Unknown option --port for "slotbook serve"'],
  ])("%j: exit 2 and one line on stderr", async (argv, line) => {
    const result = await cli.run(...argv);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr.startsWith(line)).toBe(true);
    expect(result.stderr.endsWith("\n")).toBe(true);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("a bad environment value: its one line naming the variable, exit 1, no stack trace", async () => {
    const bad = await makeTestCli({ RATE_LIMIT_PER_MINUTE: "lots" }, { database: false });
    const result = await bad.run("keys", "create");
    await bad.cleanup();
    expect(result).toEqual({
      code: 1,
      stdout: "",
      stderr: 'RATE_LIMIT_PER_MINUTE must be a whole number from 0 to 1000000, got "lots"\n',
    });
  });

  it("an unreachable database: one line naming DATABASE_URL, exit 1", async () => {
    const bad = await makeTestCli({ DATABASE_URL: "postgres://postgres@127.0.0.1:1/none" }, { database: false });
    const result = await bad.run("keys", "create");
    await bad.cleanup();
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^The database is unavailable \(check DATABASE_URL\).*\n$/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("production without SLOTBOOK_SECRET refuses with one line", async () => {
    const bad = await makeTestCli({ NODE_ENV: "production", SLOTBOOK_SECRET: "" });
    const result = await bad.run("keys", "create");
    await bad.cleanup();
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^SLOTBOOK_SECRET is required in production[^\n]*\n$/);
  });
});
