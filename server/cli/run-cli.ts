/** @module `runCli(argv, io)`: the whole `slotbook` tool as a function, so tests run it in-process. */
import type { Command } from "./command.js";
import { COMMANDS } from "./commands/index.js";
import { serveCommand } from "./commands/serve.js";
import { describeError } from "./describe-error.js";
import { type CliIo, UsageError } from "./io.js";
import { overview, version } from "./overview.js";
import { parseFlags } from "./parse-flags.js";

/**
 * Runs one `slotbook` command line and resolves to its exit code: 0 done, 1 failed, 2 usage mistake.
 * Errors are printed as one line on `io.stderr`; nothing here calls `process.exit`.
 * @example const code = await runCli(["widget", "create", "--title", "Demo"], { env: process.env, stdout, stderr });
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const first = argv[0];
    if (first === "--help" || first === "-h" || (first === "help" && argv.length === 1)) {
      io.stdout.write(overview());
      return 0;
    }
    if (first === "--version" || first === "-v") {
      io.stdout.write(`${version()}\n`);
      return 0;
    }
    if (first === "help") return runCli([...argv.slice(1), "--help"], io);
    const { command, rest } = resolve(argv);
    const { flags, argument } = parseFlags(rest, command.flags, command.name, command.argument !== undefined);
    if (flags.help) {
      io.stdout.write(command.help);
      return 0;
    }
    return await command.run(flags, io, argument);
  } catch (error) {
    const { line, code } = describeError(error);
    io.stderr.write(`${line}\n`);
    return code;
  }
}

/** The command named by the leading words of `argv` (none, or only flags: `serve`). */
function resolve(argv: readonly string[]): { command: Command; rest: string[] } {
  const words: string[] = [];
  for (const arg of argv) {
    if (arg.startsWith("-") || words.length === 2) break;
    words.push(arg);
  }
  if (words.length === 0) return { command: serveCommand, rest: [...argv] };
  for (let n = words.length; n >= 1; n--) {
    const command = COMMANDS.find((c) => c.name === words.slice(0, n).join(" "));
    if (command) return { command, rest: argv.slice(n) };
  }
  const group = COMMANDS.filter((c) => c.name.startsWith(`${words[0]} `));
  if (group.length > 0 && (argv.includes("--help") || argv.includes("-h")))
    return { command: groupHelp(group), rest: ["--help"] };
  const quoted = group.map((c) => `"slotbook ${c.name}"`);
  const names = quoted.length > 1 ? `${quoted.slice(0, -1).join(", ")} or ${quoted.at(-1)}` : quoted.join("");
  throw new UsageError(
    group.length > 0
      ? `Unknown command "slotbook ${words.join(" ")}"; did you mean ${names}? See "slotbook --help"`
      : `Unknown command "${words[0]}"; see "slotbook --help" for the list`,
  );
}

/** `slotbook widget --help`: the help of every command of the group. */
function groupHelp(group: Command[]): Command {
  return { ...serveCommand, flags: {}, help: group.map((c) => `slotbook ${c.name}: ${c.help}`).join("\n") };
}
