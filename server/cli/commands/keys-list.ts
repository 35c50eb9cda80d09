/** @module `slotbook keys list`: the stored admin API keys with their label, creation and last use; never a secret. */
import { listApiKeys } from "../../domain/api-keys.js";
import type { Command } from "../command.js";
import { write } from "../io.js";
import { withDeps } from "../with-deps.js";

/** `slotbook keys list` */
export const keysList: Command = {
  name: "keys list",
  summary: "List the admin API keys (never their secrets)",
  flags: {},
  help: `List the admin API keys: id, when each was created and last used (to the minute), and
its label. A tab-separated table on stdout, oldest first, with a header line. Secrets are
never shown (only hashes are stored). A key that should not exist any more: revoke it with
"slotbook keys revoke ID".

SLOTBOOK_ADMIN_KEY, when the server sets it, is not stored, so it is not listed and cannot
be revoked this way: unset it and restart the server.

Usage: slotbook keys list

Options:
  -h, --help   Show this help

Examples:
  slotbook keys list
  slotbook keys list | grep -v CRM
`,
  async run(_flags, io) {
    const keys = await withDeps(io, (deps) => listApiKeys(deps));
    const lines = keys.map((k) => [k.id, k.createdAt, k.lastUsedAt ?? "never", k.label ?? ""].join("\t"));
    await write(io.stdout, `${["id\tcreated\tlast used\tlabel", ...lines].join("\n")}\n`);
    if (keys.length === 0) await write(io.stderr, 'No API keys yet; create one with "slotbook keys create".\n');
    return 0;
  },
};
