/**
 * @module Standard Webhooks signatures (https://www.standardwebhooks.com) with Web Crypto only, so a receiver can
 * verify Slotbook's deliveries in Node 20, Deno, Bun, edge runtimes and browsers alike.
 */
import { type WebhookEvent, webhookEventSchema } from "../schemas/webhook.js";

/** 5 minutes: the Standard Webhooks default, long enough for clock skew and retries in flight, short for replays. */
const TOLERANCE_SECONDS = 300;
const SECRET_PREFIX = "whsec_";

/** A delivery that failed verification; `reason` says why in a word, the message in a sentence. */
export class WebhookVerificationError extends Error {
  override name = "WebhookVerificationError";
  declare readonly reason:
    | "missing_header"
    | "invalid_timestamp"
    | "timestamp_too_old"
    | "timestamp_too_new"
    | "no_matching_signature"
    | "invalid_body";

  constructor(reason: WebhookVerificationError["reason"], message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.reason = reason;
  }
}

/**
 * The `webhook-signature` value for one delivery: `v1,` and the base64 HMAC-SHA256 of `id.timestamp.body`, keyed
 * with the base64 part of a `whsec_…` secret. `timestamp` is in unix seconds.
 *
 * @example
 * const signature = await signWebhook(secret, "evt_1", Math.floor(Date.now() / 1000), body);
 */
export async function signWebhook(secret: string, id: string, timestamp: number, body: string): Promise<string> {
  if (!Number.isSafeInteger(timestamp) || timestamp < 0) throw new TypeError("timestamp must be whole unix seconds");
  return `v1,${toBase64(await hmac(await importSecret(secret), `${id}.${timestamp}.${body}`))}`;
}

/**
 * Checks a delivery's `webhook-id`, `webhook-timestamp` and `webhook-signature` headers against the raw body and
 * returns the event, parsed with the contract's schema; throws `WebhookVerificationError` on any failure. Pass the
 * body exactly as received: re-serialised JSON does not match the signature.
 *
 * @example
 * const event = await verifyWebhook(process.env.SLOTBOOK_WEBHOOK_SECRET!, await request.text(), request.headers);
 * if (event.type === "booking.created") welcome(event.data.booking.id);
 */
export async function verifyWebhook(
  secret: string,
  body: string,
  headers: Headers | Record<string, string | string[] | undefined>,
  options: { now?: Date; toleranceSeconds?: number } = {},
): Promise<WebhookEvent> {
  const tolerance = options.toleranceSeconds ?? TOLERANCE_SECONDS;
  if (!(tolerance >= 0)) throw new TypeError("toleranceSeconds must be 0 or more");
  const key = await importSecret(secret);
  const id = header(headers, "webhook-id");
  const stamp = header(headers, "webhook-timestamp");
  const signatures = header(headers, "webhook-signature");

  if (!/^\d{1,15}$/.test(stamp))
    throw new WebhookVerificationError("invalid_timestamp", "webhook-timestamp is not unix seconds");
  const age = Math.floor((options.now ?? new Date()).getTime() / 1000) - Number(stamp);
  if (age > tolerance) throw new WebhookVerificationError("timestamp_too_old", `webhook-timestamp is ${age} s old`);
  if (-age > tolerance) throw new WebhookVerificationError("timestamp_too_new", `webhook-timestamp is ${-age} s ahead`);

  const expected = await hmac(key, `${id}.${stamp}.${body}`);
  // Space-separated `v1,<base64>` entries (two while a secret is rotated); a trailing comma is left by headers that
  // arrived twice and were joined with ", ". Other versions (v1a: asymmetric) are not ours to check.
  const matches = signatures
    .split(" ")
    .map((entry) => entry.replace(/,$/, ""))
    .filter((entry) => entry.startsWith("v1,"))
    .some((entry) => equalInConstantTime(fromBase64(entry.slice(3)), expected));
  if (!matches) throw new WebhookVerificationError("no_matching_signature", "No webhook-signature matches the body");

  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (cause) {
    throw new WebhookVerificationError("invalid_body", "The body is not JSON", { cause });
  }
  const parsed = webhookEventSchema.safeParse(json);
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    const where = issue?.path.length ? ` at ${issue.path.join(".")}` : "";
    throw new WebhookVerificationError("invalid_body", `The body is not a Slotbook event: ${issue?.message}${where}`, {
      cause: parsed.error,
    });
  }
  return parsed.data;
}

/** One header, from `Headers` or a plain object with keys in any case (node's `IncomingMessage.headers`). */
function header(headers: Headers | Record<string, string | string[] | undefined>, name: string): string {
  let value: string | string[] | null | undefined;
  if (typeof headers.get === "function") value = (headers as Headers).get(name);
  else value = Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1];
  const joined = Array.isArray(value) ? value.join(", ") : value;
  if (!joined) throw new WebhookVerificationError("missing_header", `The ${name} header is missing`);
  return joined;
}

async function importSecret(secret: string): Promise<CryptoKey> {
  // As the standardwebhooks package does: the prefix is optional, the rest is the key in base64.
  const raw = fromBase64(secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret);
  if (!raw?.length) throw new TypeError("The webhook secret must be whsec_ and a base64 key");
  return crypto.subtle.importKey("raw", raw, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
}

async function hmac(key: CryptoKey, message: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(message)));
}

/** Same bytes, in a time that depends only on the length (which is public: an HMAC-SHA256 is 32 bytes). */
function equalInConstantTime(a: Uint8Array | undefined, b: Uint8Array): boolean {
  if (a?.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < b.length; i++) difference |= a[i]! ^ b[i]!;
  return difference === 0;
}

function toBase64(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes));
}

/** The bytes of a base64 string, or undefined when it is not base64. */
function fromBase64(text: string): Uint8Array<ArrayBuffer> | undefined {
  try {
    return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
}
