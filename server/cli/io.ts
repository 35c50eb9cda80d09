/** @module What a CLI command gets instead of `process`: its environment and two output streams. */

/** A place text is written to; `process.stdout` fits, and so does a test's collector. */
export interface Output {
  write(chunk: string): unknown;
  once?(event: "drain", listener: () => void): unknown;
}

/** The world a command runs in; `runCli` never touches `process` itself. */
export interface CliIo {
  env: NodeJS.ProcessEnv;
  stdout: Output;
  stderr: Output;
}

/** Writes `chunk`, waiting for `drain` when the stream asks us to slow down (a big CSV export into a pipe). */
export async function write(out: Output, chunk: string): Promise<void> {
  if (out.write(chunk) === false && out.once) {
    await new Promise<void>((resolve) => out.once?.("drain", resolve));
  }
}

/** A wrong flag, a missing value or a bad value: printed as one line, exit code 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

/**
 * The `error` listener for the process's stdout: a reader that went away (`slotbook bookings export | head -3`)
 * ends the process quietly with code 0, since nothing more can be shown; any other error is thrown as before.
 */
export function exitOnClosedPipe(exit: (code: number) => void): (error: NodeJS.ErrnoException) => void {
  return (error) => {
    if (error.code !== "EPIPE") throw error;
    exit(0);
  };
}
