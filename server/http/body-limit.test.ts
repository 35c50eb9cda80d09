/** @module Answers to an unread body close the connection, so a keep-alive client's next request works: over real sockets. */
import { mkdtemp, rm } from "node:fs/promises";
import { Agent, request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../config.js";
import { type RunningServer, startServer } from "../serve.js";
import { TEST_ADMIN_KEY, TEST_SECRET } from "../testing/api-harness.js";

let dir: string;
let server: RunningServer;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "slotbook-body-limit-"));
  const config = loadConfig({
    PORT: "0",
    SLOTBOOK_DATA_DIR: dir,
    SLOTBOOK_SECRET: TEST_SECRET,
    SLOTBOOK_ADMIN_KEY: TEST_ADMIN_KEY,
    RATE_LIMIT_PER_MINUTE: "0",
  });
  server = await startServer(config, { host: "127.0.0.1", log: false, print: () => {}, handleSignals: false });
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** Whether the request went out on a socket an earlier request had used (keep-alive). */
  reusedSocket: boolean;
}

/** One request through `agent`, the way Node's (and undici's) pools do it: reuse a socket unless it was closed. */
function send(agent: Agent, method: string, path: string, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers = body === undefined ? {} : { "content-type": "application/json", "content-length": body.length };
    const req = request(`${server.url}${path}`, { method, agent, headers }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        text += chunk;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text, reusedSocket }));
    });
    const reusedSocket = req.reusedSocket;
    req.on("error", reject);
    req.end(body);
  });
}

async function firstSlotId(): Promise<string> {
  const { slots } = (await (await fetch(`${server.url}/v1/widgets/wgt_demo/slots`)).json()) as {
    slots: { id: string }[];
  };
  return slots[0]!.id;
}

describe("a body the server does not read", () => {
  // 4 MiB: far over the 16 KiB limit, and more than the adapter drains before it cuts the socket.
  const oversized = JSON.stringify({ name: "x".repeat(4 * 1024 * 1024) });

  it("is answered 413 with Connection: close, and the client's next request on its pool works", async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const warm = await send(agent, "GET", "/healthz");
      expect(warm.headers.connection).toBe("keep-alive");
      const refused = await send(agent, "POST", "/v1/widgets/wgt_demo/bookings", oversized);
      expect(refused.status).toBe(413);
      expect(JSON.parse(refused.body)).toMatchObject({ code: "payload_too_large" });
      expect(refused.headers.connection).toBe("close");
      const next = await send(agent, "GET", "/healthz");
      expect(next.status).toBe(200);
      expect(next.reusedSocket).toBe(false); // a fresh connection, not the one with the unread body on it
      const booked = await send(
        agent,
        "POST",
        "/v1/widgets/wgt_demo/bookings",
        JSON.stringify({ slotId: await firstSlotId(), name: "Ada Lovelace", email: "ada@example.com" }),
      );
      expect(booked.status).toBe(201);
      expect(booked.headers.connection).toBe("keep-alive"); // a body that was read keeps the connection
    } finally {
      agent.destroy();
    }
  });

  it("closes the connection also when a route refuses before reading the body (unknown widget: 404)", async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const refused = await send(agent, "POST", "/v1/widgets/wgt_nope/bookings", JSON.stringify({ name: "Ada" }));
      expect(refused.status).toBe(404);
      expect(refused.headers.connection).toBe("close");
      expect((await send(agent, "GET", "/healthz")).status).toBe(200);
    } finally {
      agent.destroy();
    }
  });
});
