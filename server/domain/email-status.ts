/** @module The console's email settings page: where mail goes, what is stuck, and a test message on demand. */
import type { EmailStatus, EmailTestResult } from "../../sdk/index.js";
import { newId } from "../ids.js";
import { renderHtml } from "../mail/html-layout.js";
import type { Mailer } from "../mail/index.js";
import type { Deps } from "./deps.js";

/** The failures the page lists. */
const FAILURES = 20;

/** Transport, sender, pending count and the latest failed or retrying emails. */
export async function emailStatus(deps: Deps, mailer: Mailer | undefined): Promise<EmailStatus> {
  const { rows, pending } = await deps.store.emailTrouble(FAILURES);
  return {
    transport: mailer?.transport ?? "none",
    from: mailer ? `${mailer.from.name} <${mailer.from.address}>` : "",
    pending,
    failures: rows.map((row) => ({
      id: row.id,
      event: row.event,
      bookingId: row.bookingId,
      status: row.status,
      attempts: row.attempts,
      lastError: row.lastError,
      updatedAt: row.updatedAt,
    })),
  };
}

/** Sends a short test message now (not through the outbox: the answer is whether the mail server took it). */
export async function sendTestEmail(deps: Deps, mailer: Mailer | undefined, to: string): Promise<EmailTestResult> {
  if (!mailer) return { sent: false, error: "This server was started without a mailer" };
  const intro = `This is a test message from Slotbook at ${deps.publicUrl}. If you can read it, booking emails reach this address.`;
  try {
    await mailer.send(newId("obx"), {
      to: [to],
      subject: "Slotbook test message",
      text: `${intro}\n`,
      html: renderHtml({
        language: "en",
        title: "Slotbook test message",
        heading: "Email works",
        intro,
        details: [{ label: "Sent", value: deps.now().toUTCString() }],
        footer: "Sent from the Slotbook console's email settings.",
      }),
      language: "en",
    });
    return { sent: true, error: null };
  } catch (error) {
    return { sent: false, error: error instanceof Error ? error.message : String(error) };
  }
}
