/** @module Sending one webhook, against real servers on 127.0.0.1: any status comes back, nothing unsafe is reached. */
import type { LookupAddress, LookupAllOptions } from "node:dns";
import { createServer, type IncomingHttpHeaders, type RequestListener, type Server } from "node:http";
import { type AddressInfo, createServer as createTcpServer, type Server as TcpServer } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { postWebhook, type WebhookAnswer, type WebhookPost, WebhookRefusedError } from "./http-post.js";

// Names that exist only in these tests, so no DNS query leaves the machine; any other name goes to the real lookup.
const FAKE_NAMES = vi.hoisted(
  (): Record<string, LookupAddress[] | NodeJS.ErrnoException> => ({
    "no-such-host.test": Object.assign(new Error("getaddrinfo ENOTFOUND no-such-host.test"), { code: "ENOTFOUND" }),
    "mixed.test": [
      { address: "93.184.216.34", family: 4 },
      { address: "10.0.0.7", family: 4 },
    ],
    "loopback.test": [{ address: "127.0.0.1", family: 4 }],
  }),
);
vi.mock("node:dns", async (importOriginal) => {
  const real = await importOriginal<typeof import("node:dns")>();
  const lookup = (host: string, options: LookupAllOptions, callback: (...args: unknown[]) => void) => {
    const fake = FAKE_NAMES[host];
    if (fake === undefined) return real.lookup(host, options, callback as never);
    setImmediate(() => (Array.isArray(fake) ? callback(null, fake) : callback(fake)));
  };
  return { ...real, lookup, default: { ...real, lookup } };
});

interface Received {
  method: string | undefined;
  url: string | undefined;
  headers: IncomingHttpHeaders;
  body: string;
}

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

/** An HTTP server on 127.0.0.1 that records every request it gets before `handler` answers it. */
async function listen(handler: RequestListener = (_req, res) => res.end()) {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      received.push({ method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks).toString() });
      handler(req, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  cleanups.push(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  const { port } = server.address() as AddressInfo;
  return { port, url: `http://127.0.0.1:${port}`, received };
}

/** A TCP server on 127.0.0.1 that counts connections: a refused request must open none. */
async function listenTcp() {
  const counter = { connections: 0 };
  const server: TcpServer = createTcpServer((socket) => {
    counter.connections++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  cleanups.push(() => new Promise((resolve) => server.close(() => resolve())));
  return { port: (server.address() as AddressInfo).port, counter };
}

/** A port on 127.0.0.1 that was free a moment ago and has nothing listening now. */
async function closedPort(): Promise<number> {
  const server = createTcpServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const post = (url: string, more: Partial<WebhookPost> = {}): Promise<WebhookAnswer> =>
  postWebhook({ url, headers: {}, body: "{}", allowPrivateNetworks: true, ...more });

describe("postWebhook", () => {
  it("sends the body and headers exactly, with the defaults", async () => {
    const server = await listen((_req, res) => res.end("ok"));
    const body = JSON.stringify({ type: "booking.created", name: "Zoë 🎉" });
    const headers = { "webhook-id": "evt_1", "webhook-timestamp": "1700000000", "webhook-signature": "v1,abc=" };
    await postWebhook({ url: `${server.url}/hooks/in?key=1`, headers, body, allowPrivateNetworks: true });
    const [got] = server.received;
    expect(got).toMatchObject({ method: "POST", url: "/hooks/in?key=1", body });
    expect(got!.headers).toMatchObject({
      ...headers,
      "content-type": "application/json",
      "user-agent": "Slotbook-Webhooks/1",
      "content-length": String(Buffer.byteLength(body)),
    });
  });

  it("lets the caller's headers win over the defaults, whatever their case", async () => {
    const server = await listen();
    await post(server.url, { headers: { "User-Agent": "Custom/2", "Content-Type": "application/cloudevents+json" } });
    expect(server.received[0]!.headers["user-agent"]).toBe("Custom/2");
    expect(server.received[0]!.headers["content-type"]).toBe("application/cloudevents+json");
    expect(server.received[0]!.headers["content-length"]).toBe("2");
  });

  it("resolves a 2xx with an excerpt of the body", async () => {
    const server = await listen((_req, res) => res.writeHead(202).end('{"received":true}'));
    await expect(post(server.url)).resolves.toEqual({ status: 202, excerpt: '{"received":true}' });
  });

  it("keeps only the first 500 characters, and does not wait for an endless body", async () => {
    const server = await listen((_req, res) => {
      res.writeHead(200, { "content-type": "text/plain" });
      const pump = () => {
        while (!res.destroyed && res.write("é".repeat(1024)));
        if (!res.destroyed) res.once("drain", pump);
      };
      pump();
    });
    const answer = await post(server.url, { timeoutMs: 5_000 });
    expect(answer.status).toBe(200);
    expect(answer.excerpt).toBe("é".repeat(500));
  });

  it.each([500, 410, 429, 404])("resolves a %i as that status", async (status) => {
    const server = await listen((_req, res) => res.writeHead(status).end("nope"));
    await expect(post(server.url)).resolves.toEqual({ status, excerpt: "nope" });
  });

  it("reads Retry-After in seconds and as an HTTP date, and ignores a malformed one", async () => {
    let value = "120";
    const server = await listen((_req, res) => res.writeHead(503, { "retry-after": value }).end());
    await expect(post(server.url)).resolves.toMatchObject({ status: 503, retryAfterMs: 120_000 });

    value = new Date(Date.now() + 60_000).toUTCString();
    const { retryAfterMs } = await post(server.url);
    expect(retryAfterMs).toBeGreaterThan(58_000);
    expect(retryAfterMs).toBeLessThanOrEqual(60_000);

    value = new Date(Date.now() - 60_000).toUTCString();
    await expect(post(server.url)).resolves.toMatchObject({ retryAfterMs: 0 });

    for (value of ["soon", "5.5", "-3"]) {
      expect(await post(server.url)).not.toHaveProperty("retryAfterMs");
    }
  });

  it("never follows a redirect", async () => {
    const target = await listen();
    const server = await listen((_req, res) => res.writeHead(302, { location: `${target.url}/elsewhere` }).end());
    await expect(post(server.url)).resolves.toMatchObject({ status: 302 });
    expect(target.received).toEqual([]);
  });

  it("times out a receiver that never answers, and closes the connection", async () => {
    let closed = false;
    const server = await listen((req) => req.socket.on("close", () => (closed = true)));
    const started = Date.now();
    await expect(post(server.url, { timeoutMs: 300 })).rejects.toThrow(new Error("Timed out after 0.3 s"));
    expect(Date.now() - started).toBeLessThan(2_000);
    await vi.waitFor(() => expect(closed).toBe(true));
  });

  it("times out a receiver that answers the headers but never finishes the body", async () => {
    const server = await listen((_req, res) => res.writeHead(200).write("partial"));
    await expect(post(server.url, { timeoutMs: 300 })).rejects.toThrow("Timed out after 0.3 s");
  });

  it("says so when the connection is refused", async () => {
    const port = await closedPort();
    await expect(post(`http://127.0.0.1:${port}/x`)).rejects.toThrow(
      new Error(`Connection refused by 127.0.0.1:${port}`),
    );
  });

  it("says so when the host does not resolve", async () => {
    await expect(post("https://no-such-host.test/x")).rejects.toThrow(
      new Error("Could not resolve host no-such-host.test"),
    );
  });

  it("connects to the address it checked, while the request keeps the name", async () => {
    const server = await listen();
    await expect(post(`http://loopback.test:${server.port}/x`)).resolves.toMatchObject({ status: 200 });
    expect(server.received[0]!.headers.host).toBe(`loopback.test:${server.port}`);
  });

  it("reaches localhost when private networks are allowed", async () => {
    const server = await listen();
    await expect(post(`http://localhost:${server.port}/x`)).resolves.toMatchObject({ status: 200 });
    expect(server.received).toHaveLength(1);
  });
});

describe("postWebhook refuses, without opening a connection", () => {
  const refuse = async (url: string, message: string | RegExp) => {
    const promise = postWebhook({ url, headers: {}, body: "{}", allowPrivateNetworks: false });
    await expect(promise).rejects.toBeInstanceOf(WebhookRefusedError);
    await expect(promise).rejects.toThrow(message);
  };

  it("plain http, for any host", async () => {
    const { port, counter } = await listenTcp();
    const plainHttp = "Use an https:// URL (plain http is allowed only with WEBHOOK_ALLOW_PRIVATE_NETWORKS=true)";
    await refuse(`http://127.0.0.1:${port}/x`, plainHttp);
    await refuse(`http://localhost:${port}/x`, plainHttp);
    await refuse("http://hooks.example.com/x", plainHttp);
    expect(counter.connections).toBe(0);
  });

  it("a private IP literal", async () => {
    const { port, counter } = await listenTcp();
    await refuse(`https://127.0.0.1:${port}/x`, /^127\.0\.0\.1 is a loopback, private or internal address/);
    await refuse(`https://[::ffff:127.0.0.1]:${port}/x`, /^::ffff:7f00:1 is a loopback/);
    expect(counter.connections).toBe(0);
  });

  it("a name that resolves to a private address, naming the address", async () => {
    const { port, counter } = await listenTcp();
    await refuse(`https://localhost:${port}/x`, /^localhost resolves to (127\.0\.0\.1|::1), a loopback/);
    expect(counter.connections).toBe(0);
  });

  it("a name with any private address among its public ones", async () => {
    await refuse("https://mixed.test/x", /^mixed\.test resolves to 10\.0\.0\.7, a loopback, private or internal/);
  });

  it("a URL that is not one", async () => {
    await refuse("not a url", "Enter a complete URL, such as https://example.com/webhooks");
  });
});
