/** @module The development mailbox: without SMTP_URL every message is an `.eml` file that mail clients open. */
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { simpleParser } from "mailparser";
import { expect, test } from "vitest";
import { createMailer } from "./mailer.js";

test("without an SMTP URL, messages are written as .eml files, and start-up can say where", async () => {
  const dir = await mkdtemp(join(tmpdir(), "slotbook-mail-"));
  try {
    const mailDir = join(dir, "mail");
    const mailer = createMailer({ from: { name: "Slotbook", address: "no-reply@localhost" }, mailDir });
    expect(mailer.describe).toBe(`Email: no SMTP_URL, so messages are written as .eml files to ${mailDir}/`);
    await mailer.send("obx_1", {
      to: ["ada@example.com"],
      subject: "Booked: Demo class",
      text: "Hi Ada",
      html: "<p>Hi Ada</p>",
      language: "en",
      invite: { method: "CANCEL", content: "BEGIN:VCALENDAR\r\nMETHOD:CANCEL\r\nEND:VCALENDAR\r\n" },
    });
    const [file] = await readdir(mailDir);
    expect(file).toMatch(/-obx_1\.eml$/);
    const raw = await readFile(join(mailDir, file!), "utf8");
    expect(raw).toMatch(/text\/calendar; charset=utf-8; method=CANCEL/i);
    const mail = await simpleParser(raw);
    expect(mail.subject).toBe("Booked: Demo class");
    expect(mail.messageId).toBe("<obx_1@slotbook>");
    expect(mail.text?.trim()).toBe("Hi Ada");
    mailer.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
