/** @module `slotbook keys create`: a new admin API key, printed this once (only its hash is stored). */
import { apiKeyCreateSchema } from "../../../sdk/index.js";
import { createApiKey } from "../../domain/api-keys.js";
import { type Command, optional } from "../command.js";
import { write } from "../io.js";
import { validate } from "../validate.js";
import { withDeps } from "../with-deps.js";

/** `slotbook keys create [--label L]` */
export const keysCreate: Command = {
  name: "keys create",
  summary: "Create an admin API key (shown once)",
  flags: { label: { type: "string" } },
  help: `Create an admin API key for the admin API and the SDK's createAdminClient.

Usage: slotbook keys create [--label LABEL]

The key is printed on stdout, alone, so a script can capture it; the notice that it
is shown only now goes to stderr. Only a hash of the key is stored: it cannot be
shown again. Lost it? Create another one, and revoke the old one.

Options:
  --label LABEL   Who or what uses the key, shown by "slotbook keys list"
  -h, --help      Show this help

Examples:
  slotbook keys create --label "CRM sync"
  SLOTBOOK_API_KEY=$(slotbook keys create)
  curl -H "Authorization: Bearer sk_..." http://localhost:8787/v1/admin/widgets
`,
  async run(flags, io) {
    const label = optional(flags, "label");
    const input = validate(apiKeyCreateSchema, label === undefined ? {} : { label }, { label: "--label" });
    const { id, secret } = await withDeps(io, (deps) => createApiKey(deps, input));
    await write(io.stdout, `${secret}\n`);
    await write(
      io.stderr,
      // The id in parentheses and named as such: "Created admin API key key_…" made people store the id.
      `Created admin API key (id ${id}). The key above is shown only now; store it in your secret manager.\n`,
    );
    return 0;
  },
};
