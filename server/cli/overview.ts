/** @module The `slotbook --help` overview and `--version`. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { packageRoot } from "../package-root.js";
import { COMMANDS } from "./commands/index.js";

/** The tool's help: what it is, every command with its summary, and a first session. */
export function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const list = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join("\n");
  return `slotbook: an embeddable "book a demo class" widget with its own server.

Usage: slotbook [command] [options]

Commands:
${list}

Run "slotbook <command> --help" for a command's options and examples.
Every command but serve works on the database serve made (it says which on stderr) and creates none.
Configuration (PORT, DATABASE_URL, SLOTBOOK_SECRET, PUBLIC_URL, ...): slotbook serve --help

Examples:
  slotbook                                      Start the server with a demo widget
  slotbook widget create --title "Free trial lesson" --origin https://example.com
  slotbook slots add --widget wgt_... --start 2030-06-01T14:00:00Z --duration 45 --capacity 8 \\
    --repeat weekly --count 10
  slotbook snippet --widget wgt_... --mode popup
  slotbook bookings export --widget wgt_... > bookings.csv
`;
}

/** The package version, read from the nearest package.json above this file (works from src and dist). */
export function version(): string {
  const pkg = JSON.parse(readFileSync(join(packageRoot(), "package.json"), "utf8")) as { version?: string };
  return pkg.version ?? "unknown";
}
