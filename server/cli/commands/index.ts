/** @module Every command of the `slotbook` tool, in the order the overview lists them. */
import type { Command } from "../command.js";
import { bookingsExport } from "./bookings-export.js";
import { keysCreate } from "./keys-create.js";
import { keysList } from "./keys-list.js";
import { keysRevoke } from "./keys-revoke.js";
import { serveCommand } from "./serve.js";
import { slotsAdd } from "./slots-add.js";
import { snippetCommand } from "./snippet.js";
import { usersInvite } from "./users-invite.js";
import { widgetCreate } from "./widget-create.js";

/** The commands, looked up by their words (`widget create`). */
export const COMMANDS: readonly Command[] = [
  serveCommand,
  widgetCreate,
  slotsAdd,
  snippetCommand,
  keysCreate,
  keysList,
  keysRevoke,
  bookingsExport,
  usersInvite,
];
