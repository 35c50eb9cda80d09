/** @module `slotbook keys create`: a new admin API key, printed this once (only its hash is stored). */
import { createApiKey } from "../../domain/api-keys.js";
import type { Command } from "../command.js";
import { write } from "../io.js";
import { withDeps } from "../with-deps.js";

/** `slotbook keys create` */
export const keysCreate: Command = {
  name: "keys create",
  summary: "Create an admin API key (shown once)",
  flags: {},
  help: `Create an admin API key for the admin API and the SDK's createAdminClient.

Usage: slotbook keys create

The key is printed on stdout, alone, so a script can capture it; the notice that it
is shown only now goes to stderr. Only a hash of the key is stored: it cannot be
shown again. Lost it? Create another one.

Options:
  -h, --help   Show this help

Examples:
  slotbook keys create
  SLOTBOOK_API_KEY=$(slotbook keys create)
  curl -H "Authorization: Bearer sk_..." http://localhost:8787/v1/admin/widgets
`,
  async run(_flags, io) {
    const { id, key } = await withDeps(io, (deps) => createApiKey(deps));
    await write(io.stdout, `${key}\n`);
    await write(
      io.stderr,
      // The id in parentheses and named as such: "Created admin API key key_…" made people store the id.
      `Created admin API key (id ${id}). The key above is shown only now; store it in your secret manager.\n`,
    );
    return 0;
  },
};
