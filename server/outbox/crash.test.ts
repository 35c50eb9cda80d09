/**
 * @module Crash safety with real processes: a server SIGKILLed after its first attempt failed leaves the message in
 * the outbox, and the restarted server delivers it, once.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, expect, test } from "vitest";
import { startTestSmtpServer, type TestSmtpServer } from "../mail/testing.js";
import { TEST_ADMIN_KEY, TEST_SECRET } from "../testing/api-harness.js";
import { type ServerProcess, startServerProcess } from "../testing/start-server.js";

let smtp: TestSmtpServer | undefined;
let servers: ServerProcess[] = [];
let dir: string | undefined;
afterEach(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  servers = [];
  await smtp?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

test("kill -9 after a failed first attempt: the restarted server delivers the confirmation", async () => {
  smtp = await startTestSmtpServer();
  smtp.refuse(1, 451);
  dir = await mkdtemp(join(tmpdir(), "slotbook-crash-"));
  const env = {
    SLOTBOOK_DATA_DIR: dir,
    SLOTBOOK_SECRET: TEST_SECRET,
    SLOTBOOK_ADMIN_KEY: TEST_ADMIN_KEY,
    SMTP_URL: smtp.url,
    MAIL_FROM: "Escuela Sol <hola@escuela.test>",
  };
  const first = await startServerProcess({ env });
  servers.push(first);
  expect(first.output()).toContain("Email: sent through SMTP at 127.0.0.1:");
  const admin = { authorization: `Bearer ${TEST_ADMIN_KEY}`, "content-type": "application/json" };
  const widget = (await (
    await fetch(`${first.url}/v1/admin/widgets`, {
      method: "POST",
      headers: admin,
      body: JSON.stringify({ title: "Crash class", reminders: [] }),
    })
  ).json()) as { id: string };
  const start = Date.now() + 2 * 86_400_000;
  const { slots } = (await (
    await fetch(`${first.url}/v1/admin/widgets/${widget.id}/slots`, {
      method: "POST",
      headers: admin,
      body: JSON.stringify({
        slots: [
          { startsAt: new Date(start).toISOString(), endsAt: new Date(start + 3_600_000).toISOString(), capacity: 2 },
        ],
      }),
    })
  ).json()) as { slots: { id: string }[] };
  const booked = await fetch(`${first.url}/v1/widgets/${widget.id}/bookings`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ slotId: slots[0]!.id, name: "Ada", email: "ada@example.com" }),
  });
  expect(booked.status).toBe(201);

  // The worker was woken by the commit and tried at once; the refusal schedules the next attempt 5 s later.
  await until(() => smtp!.refused() === 1, 15_000, "the first, refused attempt");
  await first.kill();
  expect(smtp.received).toHaveLength(0);

  const second = await startServerProcess({ env });
  servers.push(second);
  // Two ways this can go, both without loss: the first process recorded the refusal before it died (the retry is due
  // 5 s later), or it died between the refusal and that record, and the row is still under its 60 s lease, which
  // must run out before the restarted process may claim it. Generous, too: a cold start on a loaded 2-core box.
  const [mail] = await smtp.waitFor(1, 100_000);
  expect(mail?.to).toEqual(["ada@example.com"]);
  expect(mail?.mail.subject).toMatch(/^Booked: Crash class/);
  // Delivered once: nothing else is due, and the next polls find nothing.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  expect(smtp.received).toHaveLength(1);
}, 150_000);
