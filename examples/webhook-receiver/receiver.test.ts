/**
 * @module The webhook-receiver example on a real port, sent requests signed by the reference `standardwebhooks`
 * package (so the test does not trust the SDK's own signer): verified, forged, repeated; and `server.ts` as run.
 */
import { spawn } from "node:child_process";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../../e2e/build.js";

// The example imports the built package (`slotbook/sdk`), so build before loading it.
const { createReceiver, describeEvent } = await import("./receiver.js");
type Received = Parameters<Parameters<typeof createReceiver>[0]["onEvent"]>;

const SCRIPT = join(ROOT, "examples", "webhook-receiver", "server.ts");
const secret = `whsec_${Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString("base64")}`;

const booked = (id: string, email?: string) =>
  JSON.stringify({
    type: "booking.created",
    timestamp: "2026-12-01T09:30:00.000Z",
    data: {
      booking: {
        id,
        widgetId: "wgt_salsa",
        status: "confirmed",
        slot: { id: "slot_eve1", startsAt: "2026-12-01T14:00:00.000Z", endsAt: "2026-12-01T15:00:00.000Z" },
        createdAt: "2026-12-01T09:30:00.000Z",
      },
      ...(email ? { attendee: { name: "Ada Lovelace", email } } : {}),
    },
  });

/** POSTs `body` to `url` as Slotbook does, signed with `signingSecret` by the reference package. */
async function deliver(url: string, id: string, body: string, signingSecret = secret) {
  const now = new Date();
  const response = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "webhook-id": id,
      "webhook-timestamp": String(Math.floor(now.getTime() / 1000)),
      "webhook-signature": new Webhook(signingSecret).sign(id, now, body),
    },
    body,
  });
  return { status: response.status, text: await response.text() };
}

describe("examples/webhook-receiver", () => {
  const received: Received[] = [];
  let url: string;
  let receiver: ReturnType<typeof createReceiver>;
  beforeAll(async () => {
    receiver = createReceiver({ secret, onEvent: (...args) => void received.push(args) });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhooks`;
  });
  afterAll(() => new Promise((resolve) => receiver?.close(resolve)));

  it("hands on a verified event once and answers 204", async () => {
    expect(await deliver(url, "msg_1", booked("bkg_first", "ada@example.com"))).toEqual({ status: 204, text: "" });
    expect(received).toHaveLength(1);
    const [event, id] = received[0]!;
    expect(id).toBe("msg_1");
    expect(describeEvent(event)).toBe("booking.created bkg_first ada@example.com");
  });

  it("answers 204 to a repeated webhook-id without handling it again", async () => {
    const body = booked("bkg_again");
    expect((await deliver(url, "msg_2", body)).status).toBe(204);
    expect((await deliver(url, "msg_2", body)).status).toBe(204);
    expect(received.filter(([, id]) => id === "msg_2")).toHaveLength(1);
    expect(describeEvent(received.at(-1)![0])).toBe("booking.created bkg_again");
  });

  it("answers 400 with the reason to a forged or unsigned request, and handles nothing", async () => {
    const before = received.length;
    const forged = await deliver(url, "msg_3", booked("bkg_forged"), `whsec_${Buffer.alloc(32, 1).toString("base64")}`);
    expect(forged).toEqual({ status: 400, text: "No webhook-signature matches the body\n" });
    const unsigned = await fetch(url, { method: "POST", body: booked("bkg_unsigned") });
    expect(unsigned.status).toBe(400);
    expect(await unsigned.text()).toBe("The webhook-id header is missing\n");
    // A forged request with an id already handled is still refused, not waved through as a repeat.
    expect((await deliver(url, "msg_1", booked("bkg_forged"), `whsec_${"A".repeat(43)}=`)).status).toBe(400);
    expect(received).toHaveLength(before);
  });

  it("answers 500 when handling fails, so Slotbook retries, and handles the retry", async () => {
    let fail = true;
    const flaky = createReceiver({
      secret,
      onEvent: () => {
        if (fail) throw new Error("database down");
      },
    });
    await new Promise<void>((resolve) => flaky.listen(0, "127.0.0.1", resolve));
    const flakyUrl = `http://127.0.0.1:${(flaky.address() as AddressInfo).port}/`;
    const errors: unknown[] = [];
    const consoleError = console.error;
    console.error = (error: unknown) => errors.push(error);
    try {
      expect((await deliver(flakyUrl, "msg_4", booked("bkg_flaky"))).status).toBe(500);
      fail = false;
      expect((await deliver(flakyUrl, "msg_4", booked("bkg_flaky"))).status).toBe(204);
    } finally {
      console.error = consoleError;
      await new Promise((resolve) => flaky.close(resolve));
    }
    expect(errors).toEqual([new Error("database down")]);
  });

  it("runs as the README says and prints one line per event", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", SCRIPT], {
      cwd: ROOT,
      env: { ...process.env, PORT: "0", SLOTBOOK_WEBHOOK_SECRET: secret },
      stdio: ["ignore", "pipe", "inherit"],
    });
    try {
      let output = "";
      const printed = (pattern: RegExp) =>
        new Promise<RegExpExecArray>((resolve, reject) => {
          const check = () => {
            const match = pattern.exec(output);
            if (match) resolve(match);
          };
          child.stdout.on("data", (chunk: Buffer) => {
            output += chunk.toString();
            check();
          });
          child.once("exit", (code) => reject(new Error(`exited (${code}):\n${output}`)));
          check();
        });
      const [, origin] = await printed(/Receiving webhooks on (http:\/\/127\.0\.0\.1:\d+)\//);
      expect((await deliver(`${origin}/`, "msg_5", booked("bkg_cli", "grace@example.com"))).status).toBe(204);
      await printed(/^booking\.created bkg_cli grace@example\.com$/m);
    } finally {
      child.kill();
    }
  });
});
