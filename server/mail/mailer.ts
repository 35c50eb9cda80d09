/**
 * @module Sending email: nodemailer over `SMTP_URL`, or, without one, each message written as an `.eml` file to a
 * folder (the development mailbox: open one in any mail client).
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import nodemailer from "nodemailer";
import type { SendMailOptions } from "nodemailer/lib/mailer";
import type { RenderedEmail } from "./render-email.js";

/** Where mail goes: an SMTP server or a folder of `.eml` files. */
export interface Mailer {
  readonly from: { name: string; address: string };
  /** `smtp` (SMTP_URL) or `files` (the development mailbox). */
  readonly transport: "smtp" | "files";
  /** One line for start-up: where messages go. */
  readonly describe: string;
  /** Sends one message; `id` makes its Message-ID, the same on every retry so receivers can drop a duplicate. */
  send(id: string, email: RenderedEmail): Promise<void>;
  close(): void;
}

/** What `createMailer` takes. */
export interface MailerOptions {
  /** `smtp://user:pass@host:port` or `smtps://…`; without it, `.eml` files in `mailDir`. */
  smtpUrl?: string | undefined;
  /** `Name <address>` or an address. */
  from: { name: string; address: string };
  mailDir: string;
}

/** Thrown by `send` when the server refused for good (a 5xx reply): retrying would not help. */
export class PermanentMailError extends Error {
  override name = "PermanentMailError";
}

// Timeouts well inside the outbox lease (60 s): a send that hangs must fail before another worker may take the row.
const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

/**
 * A mailer for the configuration.
 * @example const mailer = createMailer({ smtpUrl: process.env.SMTP_URL, from: { name: "Slotbook", address: "a@b.c" }, mailDir });
 */
export function createMailer(options: MailerOptions): Mailer {
  const { smtpUrl, from, mailDir } = options;
  if (smtpUrl) {
    const transport = nodemailer.createTransport({ url: smtpUrl, ...SMTP_TIMEOUTS });
    const host = new URL(smtpUrl).host;
    return {
      from,
      transport: "smtp",
      describe: `Email: sent through SMTP at ${host} as ${from.address}`,
      async send(id, email) {
        try {
          await transport.sendMail(message(id, email, from));
        } catch (error) {
          const code = (error as { responseCode?: unknown }).responseCode;
          if (typeof code === "number" && code >= 500) {
            throw new PermanentMailError((error as Error).message, { cause: error });
          }
          throw error;
        }
      },
      close: () => transport.close(),
    };
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "windows" });
  return {
    from,
    transport: "files",
    describe: `Email: no SMTP_URL, so messages are written as .eml files to ${mailDir}/`,
    async send(id, email) {
      const info = await transport.sendMail(message(id, email, from));
      await mkdir(mailDir, { recursive: true });
      // Time first, so a folder listing reads in sending order.
      const stamp = new Date().toISOString().replace(/[:.]/g, "-");
      await writeFile(join(mailDir, `${stamp}-${id}.eml`), info.message as Buffer);
    },
    close: () => transport.close(),
  };
}

function message(id: string, email: RenderedEmail, from: Mailer["from"]): SendMailOptions {
  return {
    from,
    to: email.to,
    subject: email.subject,
    text: email.text,
    html: email.html,
    messageId: `<${id}@slotbook>`,
    headers: { "Content-Language": email.language, "Auto-Submitted": "auto-generated" },
    ...(email.invite
      ? { icalEvent: { method: email.invite.method, filename: "invite.ics", content: email.invite.content } }
      : {}),
  };
}
