/** @module Test helper: runs the CLI in-process on a throwaway SQLite data folder and captures what it prints. */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach } from "vitest";
import { loadConfig } from "../config.js";
import { openConfiguredStore } from "../serve.js";
import { describeDatabase } from "../store/index.js";
import { TEST_SECRET } from "../testing/api-harness.js";
import type { Output } from "./io.js";
import { runCli } from "./run-cli.js";

/** What one CLI run did. */
export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** A CLI bound to one temp data folder (and so one SQLite file), plus how to delete it. */
export interface TestCli {
  env: NodeJS.ProcessEnv;
  /** The SQLite file the commands write to. */
  filename: string;
  /** The line a command that opened the database starts its stderr with, e.g. `Using SQLite database /tmp/…\n`. */
  using: string;
  run(...argv: string[]): Promise<CliResult>;
  cleanup(): Promise<void>;
}

function collector(): Output & { text: string } {
  const out = {
    text: "",
    write(chunk: string) {
      out.text += chunk;
      return true;
    },
  };
  return out;
}

/** How the test CLI's database starts. */
export interface TestCliOptions {
  /** `false`: no database at all, as before the first `slotbook serve`. Default: migrated, as `serve` leaves it. */
  database?: boolean;
}

/**
 * A fresh data folder with a fixed secret and PUBLIC_URL `https://book.test`; `env` adds or overrides. Its database
 * (the SQLite file in the folder, or `DATABASE_URL`'s) is migrated the way `slotbook serve` does, since every other
 * command works only on an existing database.
 */
export async function makeTestCli(env: NodeJS.ProcessEnv = {}, options: TestCliOptions = {}): Promise<TestCli> {
  const dir = await mkdtemp(join(tmpdir(), "slotbook-cli-"));
  const filename = join(dir, "slotbook.db");
  const fullEnv: NodeJS.ProcessEnv = {
    SLOTBOOK_DATA_DIR: dir,
    SLOTBOOK_SECRET: TEST_SECRET,
    PUBLIC_URL: "https://book.test",
    ...env,
  };
  if (options.database !== false) {
    const store = openConfiguredStore(loadConfig(fullEnv));
    try {
      await store.migrate();
    } finally {
      await store.close();
    }
  }
  return {
    env: fullEnv,
    filename,
    using: `Using ${describeDatabase(fullEnv.DATABASE_URL || `sqlite:${filename}`)}\n`,
    async run(...argv) {
      const stdout = collector();
      const stderr = collector();
      const code = await runCli(argv, { env: fullEnv, stdout, stderr });
      return { code, stdout: stdout.text, stderr: stderr.text };
    },
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

/**
 * A fresh `makeTestCli(env, options)` for every test of the file, deleted after it; the returned CLI always stands for the
 * current test's.
 * @example const cli = useTestCli(); it("…", async () => { expect((await cli.run("--help")).code).toBe(0); });
 */
export function useTestCli(env?: NodeJS.ProcessEnv, options?: TestCliOptions): TestCli {
  let current: TestCli | undefined;
  beforeEach(async () => {
    current = await makeTestCli(env, options);
  });
  afterEach(() => current?.cleanup());
  const cli = () => {
    if (!current) throw new Error("useTestCli: use the CLI inside a test");
    return current;
  };
  return {
    get env() {
      return cli().env;
    },
    get filename() {
      return cli().filename;
    },
    get using() {
      return cli().using;
    },
    run: (...argv) => cli().run(...argv),
    cleanup: () => cli().cleanup(),
  };
}
