/** @module Tests of webhook signing and verifying, both ways against the reference `standardwebhooks` package. */
import { Webhook } from "standardwebhooks";
import { describe, expect, expectTypeOf, it } from "vitest";
import type { WebhookEvent } from "../schemas/webhook.js";
import { signWebhook, verifyWebhook, WebhookVerificationError } from "./signature.js";

const newSecret = () => `whsec_${Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString("base64")}`;

const event = {
  type: "booking.created",
  timestamp: "2026-12-01T09:30:00.000Z",
  data: {
    booking: {
      id: "bkg_4Jq8x",
      widgetId: "wgt_salsa",
      status: "confirmed",
      slot: { id: "slot_eve1", startsAt: "2026-12-01T14:00:00.000Z", endsAt: "2026-12-01T15:00:00.000Z" },
      createdAt: "2026-12-01T09:30:00.000Z",
    },
    attendee: { name: "Ada Lovelace", email: "ada@example.com", phone: "+4930123456", consent: true },
  },
} as const;
const body = JSON.stringify(event);
const nowSeconds = () => Math.floor(Date.now() / 1000);

/** The headers the reference package makes for `id` at `date`. */
function referenceHeaders(secret: string, id: string, date: Date, payload = body): Record<string, string> {
  return {
    "webhook-id": id,
    "webhook-timestamp": String(Math.floor(date.getTime() / 1000)),
    "webhook-signature": new Webhook(secret).sign(id, date, payload),
  };
}

/** The reason `verifyWebhook` gives up, or "verified". */
async function failure(...args: Parameters<typeof verifyWebhook>): Promise<string> {
  return verifyWebhook(...args).then(
    () => "verified",
    (error: unknown) => {
      expect(error).toBeInstanceOf(WebhookVerificationError);
      expect((error as Error).name).toBe("WebhookVerificationError");
      return (error as WebhookVerificationError).reason;
    },
  );
}

describe("verifyWebhook", () => {
  it("verifies what the standardwebhooks package signs and returns the typed event", async () => {
    const secret = newSecret();
    const verified = await verifyWebhook(secret, body, referenceHeaders(secret, "evt_1", new Date()));
    expect(verified).toEqual(event);
    expectTypeOf(verified).toEqualTypeOf<WebhookEvent>();
    if (verified.type === "webhook.test") throw new Error("wrong branch");
    expect(verified.data.attendee?.email).toBe("ada@example.com");
  });

  it("takes Headers, and plain objects with keys in any case or array values (node's IncomingMessage)", async () => {
    const secret = newSecret();
    const headers = referenceHeaders(secret, "evt_2", new Date());
    await expect(verifyWebhook(secret, body, new Headers(headers))).resolves.toEqual(event);
    const shouting = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toUpperCase(), v]));
    await expect(verifyWebhook(secret, body, shouting)).resolves.toEqual(event);
    const asArray = { ...headers, "webhook-signature": ["v1,bm90IGl0", headers["webhook-signature"]!] };
    await expect(verifyWebhook(secret, body, asArray)).resolves.toEqual(event);
  });

  it("accepts any matching signature of several (a rotated secret signs with the old and the new)", async () => {
    const [old, current] = [newSecret(), newSecret()];
    const date = new Date();
    const headers = referenceHeaders(current, "evt_3", date);
    const both = `${new Webhook(old).sign("evt_3", date, body)} ${headers["webhook-signature"]}`;
    await expect(verifyWebhook(current, body, { ...headers, "webhook-signature": both })).resolves.toEqual(event);
    await expect(verifyWebhook(old, body, { ...headers, "webhook-signature": both })).resolves.toEqual(event);
    const withWrong = `v1,${Buffer.alloc(32, 7).toString("base64")} v1a,whatever ${headers["webhook-signature"]}`;
    await expect(verifyWebhook(current, body, { ...headers, "webhook-signature": withWrong })).resolves.toEqual(event);
  });

  it("refuses a tampered body, id or timestamp, and a wrong secret", async () => {
    const secret = newSecret();
    const headers = referenceHeaders(secret, "evt_4", new Date());
    expect(await failure(secret, body.replace("Ada", "Eve"), headers)).toBe("no_matching_signature");
    expect(await failure(secret, body, { ...headers, "webhook-id": "evt_5" })).toBe("no_matching_signature");
    const later = String(Number(headers["webhook-timestamp"]) + 1);
    expect(await failure(secret, body, { ...headers, "webhook-timestamp": later })).toBe("no_matching_signature");
    expect(await failure(newSecret(), body, headers)).toBe("no_matching_signature");
    expect(await failure(secret, body, { ...headers, "webhook-signature": "v1,not base64!" })).toBe(
      "no_matching_signature",
    );
  });

  it("refuses timestamps outside the tolerance (5 minutes by default) and ones that are not unix seconds", async () => {
    const secret = newSecret();
    const signedAt = new Date("2026-12-01T09:30:00Z");
    const headers = referenceHeaders(secret, "evt_6", signedAt);
    const at = (seconds: number) => ({ now: new Date(signedAt.getTime() + seconds * 1000) });
    expect(await failure(secret, body, headers, at(300))).toBe("verified");
    expect(await failure(secret, body, headers, at(301))).toBe("timestamp_too_old");
    expect(await failure(secret, body, headers, at(-300))).toBe("verified");
    expect(await failure(secret, body, headers, at(-301))).toBe("timestamp_too_new");
    expect(await failure(secret, body, headers, { ...at(3600), toleranceSeconds: 3600 })).toBe("verified");
    expect(await failure(secret, body, headers)).toBe("timestamp_too_old"); // signed in 2026, checked now
    for (const stamp of ["1.5e9", "-1", "12abc", ""]) {
      const reason = await failure(secret, body, { ...headers, "webhook-timestamp": stamp }, at(0));
      expect(reason).toBe(stamp ? "invalid_timestamp" : "missing_header");
    }
  });

  it("names the missing header", async () => {
    const secret = newSecret();
    const headers = referenceHeaders(secret, "evt_7", new Date());
    for (const name of Object.keys(headers)) {
      const { [name]: _, ...rest } = headers;
      await expect(verifyWebhook(secret, body, rest)).rejects.toThrow(`The ${name} header is missing`);
    }
  });

  it("refuses a correctly signed body that is not JSON or not a Slotbook event", async () => {
    const secret = newSecret();
    const date = new Date();
    for (const payload of ["not json", JSON.stringify({ ...event, type: "booking.moved" })]) {
      const headers = referenceHeaders(secret, "evt_8", date, payload);
      expect(await failure(secret, payload, headers)).toBe("invalid_body");
    }
    const badId = JSON.stringify({ ...event, data: { booking: { ...event.data.booking, id: "123" } } });
    await expect(verifyWebhook(secret, badId, referenceHeaders(secret, "evt_9", date, badId))).rejects.toThrow(
      /not a Slotbook event: Not a booking id at data\.booking\.id/,
    );
  });

  it("verifies a webhook.test event", async () => {
    const secret = newSecret();
    const test = JSON.stringify({
      type: "webhook.test",
      timestamp: "2026-12-01T09:30:00.000Z",
      data: { webhookId: "whk_1" },
    });
    const verified = await verifyWebhook(secret, test, referenceHeaders(secret, "evt_10", new Date(), test));
    expect(verified).toEqual({
      type: "webhook.test",
      timestamp: "2026-12-01T09:30:00.000Z",
      data: { webhookId: "whk_1" },
    });
  });

  it("throws a TypeError for a secret that is not base64 or options that make no sense", async () => {
    const headers = referenceHeaders(newSecret(), "evt_11", new Date());
    await expect(verifyWebhook("whsec_", body, headers)).rejects.toThrow(TypeError);
    await expect(verifyWebhook("whsec_%%%", body, headers)).rejects.toThrow(TypeError);
    await expect(verifyWebhook(newSecret(), body, headers, { toleranceSeconds: -1 })).rejects.toThrow(TypeError);
  });
});

describe("signWebhook", () => {
  it("makes headers the standardwebhooks package verifies", async () => {
    const secret = newSecret();
    const timestamp = nowSeconds();
    const headers = {
      "webhook-id": "evt_20",
      "webhook-timestamp": String(timestamp),
      "webhook-signature": await signWebhook(secret, "evt_20", timestamp, body),
    };
    expect(new Webhook(secret).verify(body, headers)).toEqual(event);
    expect(() => new Webhook(newSecret()).verify(body, headers)).toThrow(/No matching signature/);
    await expect(verifyWebhook(secret, body, headers)).resolves.toEqual(event);
  });

  it("signs byte for byte as the reference does, also without the whsec_ prefix", async () => {
    const secret = newSecret();
    const date = new Date("2026-12-01T09:30:00Z");
    const reference = new Webhook(secret).sign("evt_21", date, body);
    expect(await signWebhook(secret, "evt_21", date.getTime() / 1000, body)).toBe(reference);
    expect(await signWebhook(secret.slice("whsec_".length), "evt_21", date.getTime() / 1000, body)).toBe(reference);
    expect(reference).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/);
  });

  it("throws a TypeError for a timestamp that is not whole seconds", async () => {
    await expect(signWebhook(newSecret(), "evt_22", Date.now() + 0.5, body)).rejects.toThrow(TypeError);
  });
});
