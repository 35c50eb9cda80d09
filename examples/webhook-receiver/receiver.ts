/**
 * @module A webhook receiver with nothing but `node:http` and the SDK's `verifyWebhook`: it checks each delivery's
 * signature, skips repeats by `webhook-id` (delivery is at least once) and hands every new event on. The part to copy.
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import { verifyWebhook, type WebhookEvent, WebhookVerificationError, webhookSecretSchema } from "slotbook/sdk";

/** 1 MiB: an event is a few KiB even with every answer of a long form, so anything bigger is not from Slotbook. */
const MAX_BODY_BYTES = 1024 * 1024;

/** What the receiver needs. */
export interface ReceiverOptions {
  /** The endpoint's signing secret (`whsec_…`), from `POST /v1/admin/webhooks` or a rotation. */
  secret: string;
  /** Called once per new event; when it throws, the answer is 500 and Slotbook delivers the event again later. */
  onEvent: (event: WebhookEvent, id: string) => void | Promise<void>;
}

/**
 * The receiver as a `node:http` server, not yet listening; it answers every POST, whatever the path.
 * @example createReceiver({ secret, onEvent: (event) => console.log(describeEvent(event)) }).listen(8788, "127.0.0.1");
 */
export function createReceiver({ secret, onEvent }: ReceiverOptions): Server {
  if (!webhookSecretSchema.safeParse(secret).success) throw new TypeError("secret must be a whsec_… signing secret");
  // In memory, so it forgets on restart and grows without end: a real receiver keeps the ids it handled in its
  // database (a unique column, written in the same transaction as what it does with the event).
  const handled = new Set<string>();

  return createServer(async (request, response) => {
    const answer = (status: number, text = "") =>
      response.writeHead(status, text ? { "content-type": "text/plain; charset=utf-8" } : {}).end(text);
    if (request.method !== "POST") return answer(405, "POST only\n");
    try {
      const body = await readBody(request);
      if (body === undefined) return answer(413, "Body too large\n");
      // Verify first: an id is only worth remembering once it is known to come from Slotbook.
      const event = await verifyWebhook(secret, body, request.headers);
      const id = String(request.headers["webhook-id"]);
      if (handled.has(id)) return answer(204);
      await onEvent(event, id);
      handled.add(id);
      answer(204);
    } catch (error) {
      if (error instanceof WebhookVerificationError) return answer(400, `${error.message}\n`);
      console.error(error);
      answer(500, "Could not handle the event\n");
    }
  });
}

/**
 * One line for an event: its type, the booking's id and the attendee's email when the endpoint sends personal data.
 * @example describeEvent(event); // "booking.created bkg_4Jq… ada@example.com"
 */
export function describeEvent(event: WebhookEvent): string {
  if (event.type === "webhook.test") return `${event.type} ${event.data.webhookId}`;
  const { booking, attendee } = event.data;
  return [event.type, booking.id, attendee?.email].filter(Boolean).join(" ");
}

/** The raw body as text, exactly as signed; undefined past MAX_BODY_BYTES. */
async function readBody(request: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}
