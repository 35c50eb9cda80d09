/** @module `slotbook users invite`: an invite link to the console for an email and a role, printed this once. */
import { inviteCreateSchema } from "../../../sdk/index.js";
import { inviteUser } from "../../domain/accounts.js";
import { type Command, required } from "../command.js";
import { write } from "../io.js";
import { validate } from "../validate.js";
import { withDeps } from "../with-deps.js";

/** `slotbook users invite --email E --role owner|editor|viewer` */
export const usersInvite: Command = {
  name: "users invite",
  summary: "Invite someone to the console (prints the link once)",
  flags: { email: { type: "string" }, role: { type: "string" } },
  help: `Invite someone to the marketer console with a role.

Usage: slotbook users invite --email EMAIL --role owner|editor|viewer

The invite link is printed on stdout, alone; send it to the person. It works once,
for 7 days, and only a hash of it is stored. Roles: owner (everything: team, API
keys, webhooks), editor (widgets, slots, bookings), viewer (reads only).

Options:
  --email EMAIL   The address they will sign in with
  --role ROLE     owner, editor or viewer
  -h, --help      Show this help

Examples:
  slotbook users invite --email maria@school.example --role editor
`,
  async run(flags, io) {
    const input = validate(
      inviteCreateSchema,
      { email: required(flags, "email"), role: required(flags, "role") },
      { email: "--email", role: "--role" },
    );
    const { invite, url } = await withDeps(io, (deps) => inviteUser(deps, input));
    await write(io.stdout, `${url}\n`);
    await write(
      io.stderr,
      `Invited ${invite.email} as ${invite.role} until ${invite.expiresAt}. The link above is shown only now.\n`,
    );
    return 0;
  },
};
