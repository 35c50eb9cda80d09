/** @module Turns whatever a command threw into one line for the terminal and an exit code; never a stack trace. */
import { ConfigError } from "../config.js";
import { DomainError } from "../domain/domain-error.js";
import { StoreUnavailableError } from "../store/types.js";
import { UsageError } from "./io.js";

/** Exit code 2 for usage mistakes (as shells and getopt do), 1 for everything else. */
export function describeError(error: unknown): { line: string; code: 1 | 2 } {
  if (error instanceof UsageError) return { line: error.message, code: 2 };
  if (error instanceof ConfigError) return { line: error.message, code: 1 };
  if (error instanceof DomainError) {
    const issue = error.issues?.[0];
    return { line: issue ? `${error.message}: ${issue.path.join(".")}: ${issue.message}` : error.message, code: 1 };
  }
  if (error instanceof StoreUnavailableError) {
    // The driver's reason (refused connection, missing folder, …) is what the operator needs; it holds no password.
    const cause = error.cause instanceof Error ? `: ${firstLine(error.cause.message)}` : "";
    return { line: `${error.message} (check DATABASE_URL)${cause}`, code: 1 };
  }
  if (error instanceof Error) return { line: firstLine(error.message) || error.name, code: 1 };
  return { line: String(error), code: 1 };
}

function firstLine(text: string): string {
  return text.split("\n")[0] ?? "";
}
