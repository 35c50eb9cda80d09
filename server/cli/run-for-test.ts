/** @module Test helper: runs the CLI in-process on a throwaway SQLite data folder and captures what it prints. */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach } from "vitest";
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

/** A fresh data folder with a fixed secret and PUBLIC_URL `https://book.test`; `env` adds or overrides. */
export async function makeTestCli(env: NodeJS.ProcessEnv = {}): Promise<TestCli> {
  const dir = await mkdtemp(join(tmpdir(), "slotbook-cli-"));
  const fullEnv: NodeJS.ProcessEnv = {
    SLOTBOOK_DATA_DIR: dir,
    SLOTBOOK_SECRET: TEST_SECRET,
    PUBLIC_URL: "https://book.test",
    ...env,
  };
  return {
    env: fullEnv,
    filename: join(dir, "slotbook.db"),
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
 * A fresh `makeTestCli(env)` for every test of the file, deleted after it; the returned CLI always stands for the
 * current test's.
 * @example const cli = useTestCli(); it("…", async () => { expect((await cli.run("--help")).code).toBe(0); });
 */
export function useTestCli(env?: NodeJS.ProcessEnv): TestCli {
  let current: TestCli | undefined;
  beforeEach(async () => {
    current = await makeTestCli(env);
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
    run: (...argv) => cli().run(...argv),
    cleanup: () => cli().cleanup(),
  };
}
