/** @module The shape of one CLI command, and readers for its flags that fail with a `UsageError` naming the flag. */
import type { CliIo } from "./io.js";
import { UsageError } from "./io.js";
import type { FlagSpec } from "./parse-flags.js";

/** Parsed flag values, as `parseArgs` gives them. */
export type Flags = Record<string, string | string[] | boolean | undefined>;

/** One command of the `slotbook` tool: its flags, help text and what it does. */
export interface Command {
  /** The words that select it, e.g. `widget create`. */
  name: string;
  /** One line for the tool's overview. */
  summary: string;
  /** The full `--help` text: usage, flags, examples. */
  help: string;
  flags: FlagSpec;
  /** The name of the one argument it takes after its words and flags (`keys revoke ID`), if any. */
  argument?: string;
  /** Runs the command; resolves to the exit code. `argument` is the value of that argument, when given. */
  run(flags: Flags, io: CliIo, argument?: string): Promise<number>;
}

/** The value of a required string flag. */
export function required(flags: Flags, name: string): string {
  const value = flags[name];
  if (typeof value !== "string" || value.trim() === "") throw new UsageError(`--${name} is required`);
  return value;
}

/** The value of an optional string flag. */
export function optional(flags: Flags, name: string): string | undefined {
  const value = flags[name];
  return typeof value === "string" ? value : undefined;
}

/** A whole number flag within [min, max]. */
export function wholeNumber(raw: string, name: string, min: number, max: number): number {
  const value = /^\s*\d+\s*$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}
