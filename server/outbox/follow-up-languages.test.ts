/**
 * @module Follow-up emails in German and Arabic end to end: bookings through the HTTP API, the worker sending over
 * real SMTP to an in-process server, the received messages read in the booking's language (Arabic right to left).
 */
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { parseSecret } from "../crypto/index.js";
import { createMailer, type Mailer } from "../mail/index.js";
import { startTestSmtpServer, type TestSmtpServer } from "../mail/testing.js";
import { testStores } from "../store/testing.js";
import { bookingBody, makeTestApi, TEST_SECRET, type TestApi } from "../testing/api-harness.js";
import { createOutboxWorker, emailDeliverer, isPermanentEmailError, type OutboxWorker } from "./index.js";

const FROM = { name: "Sprachschule", address: "hallo@schule.test" };

for (const factory of await testStores()) {
  describe(`follow-up emails in German and Arabic on ${factory.name}`, () => {
    let t: TestApi;
    let smtp: TestSmtpServer;
    let mailer: Mailer;
    let worker: OutboxWorker;

    beforeEach(async () => {
      smtp = await startTestSmtpServer();
      t = await makeTestApi(factory);
      mailer = createMailer({ smtpUrl: smtp.url, from: FROM, mailDir: "/nonexistent" });
      worker = createOutboxWorker({
        store: t.store,
        deliver: { email: emailDeliverer(parseSecret(TEST_SECRET), mailer, () => new Date()) },
        isPermanent: isPermanentEmailError,
      });
    });
    afterEach(async () => {
      await worker.stop();
      mailer.close();
      await smtp.close();
      await t.cleanup();
    });

    test("a German booking's confirmation reads in German; an Arabic one's HTML is right to left", async () => {
      const { widgetId, slotIds } = await t.seed({ capacities: [3, 3], widget: { locale: "en", timezone: "UTC" } });
      const book = async (body: Record<string, unknown>) => {
        const res = await t.call("POST", `/v1/widgets/${widgetId}/bookings`, { body: bookingBody(slotIds[0]!, body) });
        expect(res.status).toBe(201);
      };
      await book({ locale: "de-AT", timezone: "Europe/Vienna" });
      await book({ locale: "ar", timezone: "Asia/Riyadh", email: "layla@example.com", name: "ليلى" });
      expect(await worker.runOnce()).toBe(2);
      const mails = await smtp.waitFor(2);
      const german = mails.find((m) => m.to.includes("ada@example.com"))!;
      const arabic = mails.find((m) => m.to.includes("layla@example.com"))!;

      expect(german.mail.subject).toMatch(/^Gebucht: Demo class, /);
      expect(german.mail.headers.get("content-language")).toBe("de-AT");
      expect(german.mail.text).toContain("Ihre Buchung ist bestätigt");
      expect(german.mail.text).toContain("Hallo Ada Lovelace, Ihr Platz in Demo class ist bestätigt.");
      expect(german.mail.text).toContain("(Europe/Vienna)");
      expect(german.mail.html).toContain('<html lang="de-AT">');
      expect(german.mail.html).not.toContain('dir="rtl"');

      expect(arabic.mail.subject).toMatch(/^تم الحجز: Demo class، /);
      expect(arabic.mail.text).toContain("مرحبًا ليلى، تم تأكيد مكانك في Demo class.");
      expect(arabic.mail.html).toContain('<html lang="ar" dir="rtl">');
      expect(arabic.mail.html).toContain("تم تأكيد حجزك");
      expect(arabic.mail.html).toContain("(Asia/Riyadh)");
    });
  });
}
