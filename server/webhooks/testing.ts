/**
 * @module Test helper: a real HTTP webhook receiver on loopback that records every request and answers what the test
 * scripts (a status, headers, or no answer at all). No vitest import here, so any test or script may load it.
 */
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

/** One request the receiver got. */
export interface ReceivedHook {
  headers: IncomingHttpHeaders;
  body: string;
  /** The request path with its query. */
  path: string;
}

/** How to answer one request: a status with headers and body, or `"hang"` (never answer). */
export type HookAnswer = { status: number; headers?: Record<string, string>; body?: string } | "hang";

/** The running receiver. */
export interface TestReceiver {
  /** `http://127.0.0.1:PORT/hooks` */
  url: string;
  port: number;
  received: ReceivedHook[];
  /** Answer the next requests with these, in order; after them, `fallback` (default 204). */
  script(...answers: HookAnswer[]): void;
  /** What to answer once the script has run out. */
  fallback(answer: HookAnswer): void;
  close(): Promise<void>;
}

/** Starts the receiver on a free loopback port. */
export async function startTestReceiver(): Promise<TestReceiver> {
  const received: ReceivedHook[] = [];
  const queue: HookAnswer[] = [];
  let otherwise: HookAnswer = { status: 204 };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8"), path: req.url ?? "/" });
      const answer = queue.shift() ?? otherwise;
      if (answer === "hang") return;
      res.writeHead(answer.status, answer.headers);
      res.end(answer.body ?? "");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    port,
    received,
    script: (...answers) => queue.push(...answers),
    fallback: (answer) => {
      otherwise = answer;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
