/** @module Test helper: runs the CLI in-process on a throwaway SQLite data folder and captures what it prints. */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
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
