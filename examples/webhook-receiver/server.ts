/**
 * @module Runs the webhook-receiver example on http://127.0.0.1:8788 (or `PORT`): one line per verified event.
 *
 * Run (after `npm run build`): SLOTBOOK_WEBHOOK_SECRET=whsec_… npx tsx examples/webhook-receiver/server.ts
 */
import type { AddressInfo } from "node:net";
import { webhookSecretSchema } from "slotbook/sdk";
import { createReceiver, describeEvent } from "./receiver.js";

const secret = process.env.SLOTBOOK_WEBHOOK_SECRET ?? "";
if (!webhookSecretSchema.safeParse(secret).success) {
  console.error("Set SLOTBOOK_WEBHOOK_SECRET to the endpoint's secret (whsec_…), from POST /v1/admin/webhooks.");
  process.exit(2);
}
const port = Number(process.env.PORT ?? 8788);

const receiver = createReceiver({ secret, onEvent: (event) => console.log(describeEvent(event)) });
receiver.listen(port, "127.0.0.1", () => {
  console.log(`Receiving webhooks on http://127.0.0.1:${(receiver.address() as AddressInfo).port}/`);
});
