/**
 * @module The webhook deliverer: builds a delivery's body, signs it per Standard Webhooks with the endpoint's secrets,
 * and POSTs it under the address policy. A 2xx is delivered; a `410 Gone` disables the endpoint; anything else is a
 * failed attempt the worker retries, honouring `Retry-After`.
 */
import { signWebhook } from "../../sdk/webhooks/signature.js";
import type { KeyRing } from "../crypto/index.js";
import { deliveryBody } from "../domain/webhook-events.js";
import { signingSecrets } from "../domain/webhooks.js";
import type { Store } from "../store/types.js";
import { postWebhook, WebhookRefusedError } from "../webhooks/http-post.js";
import { UndeliverableError } from "./deliver-email.js";
import { type Deliver, DeliveryError } from "./worker.js";

/** The longest `Retry-After` honoured: a receiver cannot park a delivery for more than a day. */
const MAX_RETRY_AFTER_MS = 24 * 3_600_000;

/** What `webhookDeliverer` needs. */
export interface WebhookDelivererOptions {
  store: Store;
  keys: KeyRing;
  now: () => Date;
  /** `WEBHOOK_ALLOW_PRIVATE_NETWORKS`: http and loopback or private addresses allowed. */
  allowPrivateNetworks: boolean;
  /** Per attempt; default 15 s, the spec's. */
  timeoutMs?: number;
}

/** A deliverer for `webhook` rows. */
export function webhookDeliverer(options: WebhookDelivererOptions): Deliver {
  const { store, keys, now, allowPrivateNetworks } = options;
  return async (row) => {
    const endpoint = await store.getWebhook(row.target);
    if (!endpoint) throw new UndeliverableError("The webhook endpoint was deleted");
    if (endpoint.status !== "active") {
      throw new UndeliverableError(`The webhook endpoint is disabled: ${endpoint.disabledReason ?? "by an admin"}`);
    }
    const body = deliveryBody(keys, row);
    const at = now();
    const timestamp = Math.floor(at.getTime() / 1000);
    const id = row.eventId ?? row.id;
    const signatures = await Promise.all(
      signingSecrets(keys, endpoint, at).map((secret) => signWebhook(secret, id, timestamp, body)),
    );
    let answer: Awaited<ReturnType<typeof postWebhook>>;
    try {
      answer = await postWebhook({
        url: endpoint.url,
        body,
        headers: {
          "webhook-id": id,
          "webhook-timestamp": String(timestamp),
          "webhook-signature": signatures.join(" "),
        },
        allowPrivateNetworks,
        ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
      });
    } catch (error) {
      // A refused address is retried like an outage: the endpoint's DNS may be put right before the schedule ends.
      const message =
        error instanceof WebhookRefusedError ? `Refused: ${error.message}` : String((error as Error)?.message ?? error);
      throw new DeliveryError(message);
    }
    const { status, excerpt } = answer;
    if (status >= 200 && status < 300) return { status };
    const said = excerpt.trim() ? `: ${excerpt.trim().slice(0, 300)}` : "";
    if (status === 410) {
      const reason = `The receiver answered 410 Gone at ${at.toISOString()}`;
      await store.updateWebhook(endpoint.id, {
        status: "disabled",
        disabledReason: reason,
        updatedAt: at.toISOString(),
      });
      throw new DeliveryError(`Answered 410 Gone${said}; the endpoint is disabled`, { permanent: true, status });
    }
    const redirect = status >= 300 && status < 400 ? " (redirects are not followed)" : "";
    throw new DeliveryError(`Answered ${status}${redirect}${said}`, {
      status,
      ...(answer.retryAfterMs === undefined ? {} : { retryAfterMs: Math.min(answer.retryAfterMs, MAX_RETRY_AFTER_MS) }),
    });
  };
}
