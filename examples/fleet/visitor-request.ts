/**
 * @module Test helper: HTTP requests sent from a chosen loopback address (127.0.0.0/8 is all local on Linux), so
 * nginx sees many visitors, each with its own `$remote_addr`, while the target stays 127.0.0.1.
 */
import { Agent, request } from "node:http";

/** An answer, read whole. */
export interface VisitorResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json<T = unknown>(): T;
}

// One keep-alive agent per source address, as one browser keeps its connections to a site.
const agents = new Map<string, Agent>();

/** The loopback address of visitor `n` (1 … 60,000): 127.1.x.y. */
export function visitorAddress(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 60_000) throw new RangeError(`visitor ${n} is out of range`);
  return `127.1.${Math.floor(n / 250)}.${(n % 250) + 1}`;
}

/**
 * Sends one request from `from`; rejects on a network error (refused, reset, 10 s without an answer).
 * @example const res = await visitorRequest(`${url}/healthz`, { from: visitorAddress(7) });
 */
export function visitorRequest(
  url: string,
  init: { from: string; method?: string; headers?: Record<string, string>; body?: unknown },
): Promise<VisitorResponse> {
  let agent = agents.get(init.from);
  if (!agent) {
    agent = new Agent({ keepAlive: true, localAddress: init.from });
    agents.set(init.from, agent);
  }
  const body = init.body === undefined ? undefined : JSON.stringify(init.body);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        agent,
        method: init.method ?? (body ? "POST" : "GET"),
        headers: { ...(body ? { "content-type": "application/json" } : {}), ...init.headers },
        timeout: 10_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.once("error", reject);
        res.once("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) });
        });
      },
    );
    req.once("timeout", () => req.destroy(new Error(`no answer from ${url} within 10 s`)));
    req.once("error", reject);
    req.end(body);
  });
}

/** Closes every kept-alive connection. */
export function closeVisitorAgents(): void {
  for (const agent of agents.values()) agent.destroy();
  agents.clear();
}
