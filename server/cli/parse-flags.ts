/** @module `node:util` parseArgs in strict mode, with its errors rewritten as one plain line naming the flag. */
import { type ParseArgsConfig, parseArgs } from "node:util";
import { UsageError } from "./io.js";

/** The flags a command accepts; every command also gets `--help`. */
export type FlagSpec = NonNullable<ParseArgsConfig["options"]>;

type ParseArgsError = Error & { code?: string };

/**
 * Parses `argv` against `flags` (plus `--help`/`-h`) and, when the command takes one (`takesArgument`), a single
 * argument; any problem becomes a `UsageError` naming the flag or the stray argument.
 */
export function parseFlags(argv: string[], flags: FlagSpec, command: string, takesArgument = false) {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: argv,
      options: { ...flags, help: { type: "boolean", short: "h" } },
      strict: true,
      allowPositionals: takesArgument,
    });
  } catch (error) {
    throw new UsageError(rewrite(error as ParseArgsError, command), { cause: error });
  }
  const [argument, extra] = parsed.positionals;
  if (extra !== undefined) throw new UsageError(unexpected(extra, command));
  return { flags: parsed.values as Record<string, string | string[] | boolean | undefined>, argument };
}

function unexpected(value: string, command: string): string {
  return `Unexpected argument "${value}" for "slotbook ${command}" (put values after their flag, and quote values with spaces); see "slotbook ${command} --help"`;
}

function rewrite(error: ParseArgsError, command: string): string {
  const help = `see "slotbook ${command} --help"`;
  const quoted = /--[\w-]+/.exec(error.message)?.[0];
  switch (error.code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return `Unknown option ${quoted ?? "?"} for "slotbook ${command}"; ${help}`;
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
      // A value given to a boolean flag, or a missing one ("--title" last, or followed by another flag).
      return /does not take an argument/.test(error.message)
        ? `${quoted ?? "An option"} takes no value; ${help}`
        : `${quoted ?? "An option"} needs a value; ${help}`;
    case "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL":
      return unexpected(/'([^']*)'/.exec(error.message)?.[1] ?? "?", command);
    default:
      return `${error.message.split("\n")[0]}; ${help}`;
  }
}
