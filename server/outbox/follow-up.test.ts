/**
 * @module Follow-up end to end on both stores: bookings through the HTTP API write outbox rows, the worker sends them
 * over real SMTP to an in-process server, a fake clock drives retries and reminders, and the invites parse.
 */
import ICAL from "ical.js";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { parseSecret } from "../crypto/index.js";
import { createMailer, type Mailer } from "../mail/index.js";
import { type ReceivedMail, startTestSmtpServer, type TestSmtpServer } from "../mail/testing.js";
import { testStores } from "../store/testing.js";
import { bookingBody, makeTestApi, TEST_SECRET, type TestApi } from "../testing/api-harness.js";
import { createOutboxWorker, emailDeliverer, isPermanentEmailError, type OutboxWorker } from "./index.js";

const FROM = { name: "Escuela Sol", address: "hola@escuela.test" };

/** An ISO time to the second, as iCalendar writes it. */
const toSecond = (iso: string) => new Date(Math.floor(Date.parse(iso) / 1000) * 1000).toISOString();

/** The text/calendar part of a received message, parsed. */
function invite(received: ReceivedMail) {
  const part = received.mail.attachments.find((a) => a.contentType === "text/calendar");
  if (!part) throw new Error(`no calendar part in "${received.mail.subject}"`);
  const calendar = new ICAL.Component(ICAL.parse(part.content.toString("utf8")));
  return { calendar, event: new ICAL.Event(calendar.getFirstSubcomponent("vevent")!) };
}

for (const factory of await testStores()) {
  describe(`follow-up emails on ${factory.name}`, () => {
    let t: TestApi;
    let smtp: TestSmtpServer;
    let mailer: Mailer;
    let worker: OutboxWorker;
    let clock: Date;
    const setClock = (date: Date) => {
      clock = date;
      t.setNow(date);
    };

    beforeEach(async () => {
      smtp = await startTestSmtpServer();
      t = await makeTestApi(factory);
      setClock(new Date());
      mailer = createMailer({ smtpUrl: smtp.url, from: FROM, mailDir: "/nonexistent" });
      worker = createOutboxWorker({
        store: t.store,
        deliver: { email: emailDeliverer(parseSecret(TEST_SECRET), mailer, () => clock) },
        now: () => clock,
        isPermanent: isPermanentEmailError,
      });
    });
    afterEach(async () => {
      await worker.stop();
      mailer.close();
      await smtp.close();
      await t.cleanup();
    });

    async function book(widget: Record<string, unknown> = {}, body: Record<string, unknown> = {}) {
      const { widgetId, slotIds } = await t.seed({ capacities: [3, 3], widget });
      const res = await t.call("POST", `/v1/widgets/${widgetId}/bookings`, { body: bookingBody(slotIds[0]!, body) });
      expect(res.status).toBe(201);
      const created = (await res.json()) as {
        booking: { id: string; slot: { startsAt: string; endsAt: string } };
        manageUrl: string;
      };
      return { widgetId, slotIds, ...created };
    }

    test("a booking sends the visitor a confirmation with a REQUEST invite, and the team a notice, in Spanish", async () => {
      const { booking, manageUrl } = await book(
        { notifyEmails: ["team@escuela.test"], locale: "es", timezone: "Europe/Madrid" },
        { timezone: "America/Mexico_City", locale: "es-MX" },
      );
      expect(await worker.runOnce()).toBe(2);
      const mails = await smtp.waitFor(2);
      const visitor = mails.find((m) => m.to.includes("ada@example.com"))!;
      const team = mails.find((m) => m.to.includes("team@escuela.test"))!;
      expect(visitor.to).toEqual(["ada@example.com"]);
      expect(visitor.from).toBe(FROM.address);
      expect(visitor.mail.subject).toMatch(/^Reserva confirmada: Demo class, /);
      expect(visitor.mail.headers.get("content-language")).toBe("es-MX");
      expect(visitor.mail.text).toContain("Hola, Ada Lovelace");
      expect(visitor.mail.text).toContain("(America/Mexico_City)");
      expect(visitor.mail.text).toContain(manageUrl);
      expect(visitor.mail.html).toContain(`href="${manageUrl.replace(/&/g, "&#38;")}"`);
      expect(visitor.mail.html).toContain('lang="es-MX"');
      expect(visitor.mail.messageId).toMatch(/^<obx_[\w-]+@slotbook>$/);
      expect(visitor.raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i);

      const { calendar, event } = invite(visitor);
      expect(calendar.getFirstPropertyValue("method")).toBe("REQUEST");
      expect(event.uid).toBe(`${booking.id}@slotbook`);
      expect(event.sequence).toBe(0);
      expect(event.startDate.toJSDate().toISOString()).toBe(toSecond(booking.slot.startsAt));
      expect(event.endDate.toJSDate().toISOString()).toBe(toSecond(booking.slot.endsAt));
      expect(event.organizer).toBe(`mailto:${FROM.address}`);
      expect(event.attendees.map((a) => a.getFirstValue())).toEqual(["mailto:ada@example.com"]);

      expect(team.to).toEqual(["team@escuela.test"]);
      expect(team.mail.subject).toMatch(/^Nueva reserva: Ada Lovelace, /);
      expect(team.mail.text).toContain("ada@example.com");
      expect(team.mail.text).toContain("+442079460958");
      expect(team.mail.attachments).toEqual([]);
      expect(await worker.runOnce()).toBe(0);
    });

    test("the widget's location and organiser are in the message and the invite", async () => {
      await book({
        location: { kind: "in_person", address: "Calle Mayor 1, Madrid" },
        organizer: { name: "Lucía García", email: "Lucia@Escuela.test" },
      });
      await worker.runOnce();
      const [mail] = await smtp.waitFor(1);
      expect(mail!.mail.text).toContain("Calle Mayor 1, Madrid");
      const { event } = invite(mail!);
      expect(event.location).toBe("Calle Mayor 1, Madrid");
      expect(event.organizer).toBe("mailto:lucia@escuela.test");
      expect(event.component.getFirstProperty("organizer")?.getParameter("cn")).toBe("Lucía García");
    });

    test("Hindi and English bookings read in their language, with the zone named", async () => {
      await book({ locale: "en", timezone: "UTC" }, { locale: "hi", timezone: "Asia/Kolkata" });
      await book({ locale: "en", timezone: "UTC" }, { email: "bo@example.com", timezone: "Europe/London" });
      await worker.runOnce();
      const [hindi, english] = await smtp.waitFor(2);
      const byTo = (to: string) => [hindi, english].find((m) => m?.to.includes(to))!;
      expect(byTo("ada@example.com").mail.subject).toMatch(/^बुकिंग पक्की: Demo class/);
      expect(byTo("ada@example.com").mail.text).toContain("भारतीय मानक समय (Asia/Kolkata)");
      expect(byTo("bo@example.com").mail.subject).toMatch(/^Booked: Demo class/);
      expect(byTo("bo@example.com").mail.text).toMatch(/\(Europe\/London\)/);
    });

    test("German and Arabic bookings read in their language; the Arabic HTML is right to left", async () => {
      await book({ locale: "en", timezone: "UTC" }, { locale: "de-AT", timezone: "Europe/Vienna" });
      await book(
        { locale: "en", timezone: "UTC" },
        { locale: "ar", timezone: "Asia/Riyadh", email: "layla@example.com", name: "ليلى" },
      );
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

    test("a refused send is retried on the schedule (5 s), then delivered once", async () => {
      smtp.refuse(1, 451);
      const { booking } = await book();
      expect(await worker.runOnce()).toBe(1);
      expect(smtp.received).toHaveLength(0);
      const [row] = await t.store.listOutbox(booking.id);
      expect(row).toMatchObject({ status: "pending", attempts: 1, leaseUntil: null });
      expect(row?.lastError).toMatch(/451/);
      expect(Date.parse(row!.dueAt) - clock.getTime()).toBe(5000);

      setClock(new Date(clock.getTime() + 4999));
      expect(await worker.runOnce()).toBe(0);
      setClock(new Date(clock.getTime() + 1));
      expect(await worker.runOnce()).toBe(1);
      expect(await smtp.waitFor(1)).toHaveLength(1);
      expect((await t.store.listOutbox(booking.id))[0]).toMatchObject({ status: "delivered", attempts: 2 });
      expect(await worker.runOnce()).toBe(0);
    });

    test("a 5xx refusal fails the message at once; the tenth failed attempt gives up", async () => {
      smtp.refuse(1, 550);
      const first = await book({ reminders: [] });
      await worker.runOnce();
      expect((await t.store.listOutbox(first.booking.id))[0]).toMatchObject({ status: "failed", attempts: 1 });

      smtp.refuse(10, 451);
      const second = await t.call("POST", `/v1/widgets/${first.widgetId}/bookings`, {
        body: bookingBody(first.slotIds[1]!, { email: "bo@example.com" }),
      });
      const { booking } = (await second.json()) as { booking: { id: string } };
      for (let attempt = 1; attempt <= 10; attempt++) {
        expect(await worker.runOnce()).toBe(1);
        const [row] = await t.store.listOutbox(booking.id);
        expect(row?.attempts).toBe(attempt);
        if (attempt < 10) setClock(new Date(row!.dueAt));
        else expect(row?.status).toBe("failed");
      }
      expect(smtp.received).toHaveLength(0);
    });

    test("a reminder goes out at its time; a booking inside the window gets none", async () => {
      const { booking } = await book({ reminders: [60, 1440 * 2] });
      const rows = await t.store.listOutbox(booking.id);
      // The slot starts in 24 h: the 48 h reminder would be due already, so it is not written.
      expect(rows.map((r) => r.event)).toEqual(["booking.created", "reminder"]);
      await worker.runOnce();
      await smtp.waitFor(1);
      setClock(new Date(Date.parse(booking.slot.startsAt) - 60 * 60_000 - 1000));
      expect(await worker.runOnce()).toBe(0);
      setClock(new Date(Date.parse(booking.slot.startsAt) - 60 * 60_000));
      expect(await worker.runOnce()).toBe(1);
      const [, reminder] = await smtp.waitFor(2);
      expect(reminder?.mail.subject).toMatch(/^Reminder: Demo class/);
      expect(reminder?.mail.attachments).toEqual([]);
    });

    test("erasing a booking drops its pending reminder and forgets every sealed copy", async () => {
      const { booking } = await book({ reminders: [60] });
      await worker.runOnce();
      await smtp.waitFor(1);
      expect((await t.admin("DELETE", `/v1/admin/bookings/${booking.id}`)).status).toBe(200);
      setClock(new Date(Date.parse(booking.slot.startsAt) - 60 * 60_000));
      expect(await worker.runOnce()).toBe(0);
      const rows = await t.store.listOutbox(booking.id);
      expect(rows.map((r) => [r.event, r.status, r.sealed])).toEqual([
        ["booking.created", "delivered", null],
        ["reminder", "dropped", null],
      ]);
      expect(smtp.received).toHaveLength(1);
    });

    test("reschedule updates the invite (same UID, SEQUENCE 1), cancel sends METHOD:CANCEL (SEQUENCE 2)", async () => {
      const { booking, slotIds, manageUrl } = await book({ reminders: [60], notifyEmails: ["team@escuela.test"] });
      const token = new URL(manageUrl).searchParams.get("token")!;
      const auth = { authorization: `Bearer ${token}` };
      await worker.runOnce();
      await smtp.waitFor(2);

      const moved = await t.call("POST", `/v1/bookings/${booking.id}/reschedule`, {
        body: { slotId: slotIds[1] },
        headers: auth,
      });
      expect(moved.status).toBe(200);
      expect(await worker.runOnce()).toBe(1);
      const update = (await smtp.waitFor(3))[2]!;
      expect(update.to).toEqual(["ada@example.com"]);
      expect(update.mail.subject).toMatch(/^New time: Demo class/);
      expect(update.mail.text).toContain(manageUrl);
      const rescheduled = invite(update);
      expect(rescheduled.calendar.getFirstPropertyValue("method")).toBe("REQUEST");
      expect(rescheduled.event.uid).toBe(`${booking.id}@slotbook`);
      expect(rescheduled.event.sequence).toBe(1);
      const newSlot = (await t.store.getSlot(slotIds[1]!))!;
      expect(rescheduled.event.startDate.toJSDate().toISOString()).toBe(toSecond(newSlot.startsAt));
      let rows = await t.store.listOutbox(booking.id);
      expect(rows.filter((r) => r.event === "reminder").map((r) => [r.status, r.dueAt])).toEqual([
        ["dropped", new Date(Date.parse(booking.slot.startsAt) - 3_600_000).toISOString()],
        ["pending", new Date(Date.parse(newSlot.startsAt) - 3_600_000).toISOString()],
      ]);

      const cancelled = await t.call("POST", `/v1/bookings/${booking.id}/cancel`, { headers: auth });
      expect(cancelled.status).toBe(200);
      expect(await worker.runOnce()).toBe(2);
      const [visitor, team] = [...(await smtp.waitFor(5)).slice(3)].sort((a, b) => a.to[0]!.localeCompare(b.to[0]!));
      expect(visitor?.mail.subject).toMatch(/^Cancelled: Demo class/);
      expect(visitor?.raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=CANCEL/i);
      const cancel = invite(visitor!);
      expect(cancel.calendar.getFirstPropertyValue("method")).toBe("CANCEL");
      expect(cancel.event.uid).toBe(`${booking.id}@slotbook`);
      expect(cancel.event.sequence).toBe(2);
      expect(cancel.event.component.getFirstPropertyValue("status")).toBe("CANCELLED");
      expect(team?.to).toEqual(["team@escuela.test"]);
      expect(team?.mail.subject).toMatch(/^Cancelled booking: Ada Lovelace/);
      expect(team?.mail.text).toContain("by the visitor");
      rows = await t.store.listOutbox(booking.id);
      expect(rows.filter((r) => r.status === "pending")).toEqual([]);
      setClock(new Date(Date.parse(newSlot.startsAt) - 3_600_000));
      expect(await worker.runOnce()).toBe(0);
    });

    test("the honeypot writes no message", async () => {
      const { widgetId, slotIds } = await t.seed();
      const res = await t.call("POST", `/v1/widgets/${widgetId}/bookings`, {
        body: bookingBody(slotIds[0]!, { hp: "I am a bot" }),
      });
      expect(res.status).toBe(201);
      expect(await worker.runOnce()).toBe(0);
    });

    test("a started worker sends the confirmation right after the booking commits", async () => {
      worker.start();
      const started = Date.now();
      await book();
      await smtp.waitFor(1, 1000);
      expect(Date.now() - started).toBeLessThan(1000);
    });
  });
}
