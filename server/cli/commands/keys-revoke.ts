/** @module `slotbook keys revoke ID`: deletes an admin API key; the next request that sends it is refused. */
import { apiKeyIdSchema } from "../../../sdk/index.js";
import { revokeApiKey } from "../../domain/api-keys.js";
import type { Command } from "../command.js";
import { UsageError, write } from "../io.js";
import { validate } from "../validate.js";
import { withDeps } from "../with-deps.js";

/** `slotbook keys revoke ID` */
export const keysRevoke: Command = {
  name: "keys revoke",
  summary: "Revoke an admin API key at once",
  flags: {},
  argument: "ID",
  help: `Revoke an admin API key by its id (key_..., from "slotbook keys list" or from the
line "slotbook keys create" printed). It stops working at once, on every server
instance: the next request that sends it is answered 401.

SLOTBOOK_ADMIN_KEY is not a stored key: to revoke it, unset it and restart the server.

Usage: slotbook keys revoke ID

Options:
  -h, --help   Show this help

Examples:
  slotbook keys revoke key_3q2Vb1...
`,
  async run(_flags, io, argument) {
    if (argument === undefined) {
      throw new UsageError(
        'Give the id of the key to revoke, e.g. slotbook keys revoke key_…; see "slotbook keys list"',
      );
    }
    if (argument.startsWith("sk_")) {
      // The secret pasted instead of the id: say so (without printing it back) rather than "Not an API key id".
      throw new UsageError('That is a key, not its id: give the key_… id shown by "slotbook keys list"');
    }
    const id = validate(apiKeyIdSchema, argument, { "": "ID" });
    await withDeps(io, (deps) => revokeApiKey(deps, id));
    await write(io.stderr, `Revoked admin API key ${id}; requests that send it are refused from now on.\n`);
    return 0;
  },
};
