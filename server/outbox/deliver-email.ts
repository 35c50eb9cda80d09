/** @module The email deliverer: opens an outbox row's sealed facts, renders the message and hands it to the mailer. */
import { DecryptError, decrypt, type KeyRing } from "../crypto/index.js";
import type { EmailFacts } from "../mail/email-facts.js";
import { type Mailer, PermanentMailError } from "../mail/mailer.js";
import { renderEmail } from "../mail/render-email.js";
import type { Deliver } from "./worker.js";

/** Thrown for a row that can never be sent (its data was forgotten, or sealed with a key no longer in the ring). */
export class UndeliverableError extends Error {
  override name = "UndeliverableError";
}

/** A deliverer for `email` rows through `mailer`. */
export function emailDeliverer(keys: KeyRing, mailer: Mailer, now: () => Date): Deliver {
  return async (row) => {
    if (!row.sealed) throw new UndeliverableError("The message's personal data was erased");
    let facts: EmailFacts;
    try {
      facts = JSON.parse(decrypt(keys, row.sealed, row.id)) as EmailFacts;
    } catch (error) {
      if (error instanceof DecryptError) throw new UndeliverableError(error.message, { cause: error });
      throw error;
    }
    if (facts.to.length === 0) return;
    await mailer.send(row.id, renderEmail(row.event, facts, { from: mailer.from, now: now() }));
  };
}

/** Errors that retrying cannot fix: a 5xx SMTP reply, a row that cannot be opened. */
export function isPermanentEmailError(error: unknown): boolean {
  return error instanceof PermanentMailError || error instanceof UndeliverableError || error instanceof TypeError;
}
