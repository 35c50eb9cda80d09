/**
 * @module Sends one webhook request: POST over node:http(s) to a checked address only, never following a redirect,
 * within one time limit, reading no more of the answer than the delivery log keeps.
 */
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { type ClientRequest, request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { isPrivateAddress, webhookUrlProblem } from "./address-policy.js";

/** One request to send. */
export interface WebhookPost {
  url: string;
  headers: Record<string, string>;
  body: string;
  /** WEBHOOK_ALLOW_PRIVATE_NETWORKS: allows plain http and private, loopback and link-local addresses. */
  allowPrivateNetworks: boolean;
  /** The limit for the whole attempt, connecting to reading the excerpt; default 15_000 (the spec's 15 s). */
  timeoutMs?: number;
}

/** What the receiver answered, whatever the status. */
export interface WebhookAnswer {
  status: number;
  /** Parsed Retry-After (delta seconds or HTTP date) in ms, when present and valid. */
  retryAfterMs?: number;
  /** First ≤ 500 chars of the response body as text (for the delivery log). */
  excerpt: string;
}

/** Thrown when the URL or the address it resolves to is refused by the policy; message says why (names the address). */
export class WebhookRefusedError extends Error {
  override name = "WebhookRefusedError";
}

const DEFAULT_TIMEOUT_MS = 15_000;
const EXCERPT_CHARS = 500;
// 2 KiB holds 500 characters even at 4 UTF-8 bytes each, with room for one cut in half at the end.
const EXCERPT_BYTES = 2_048;
const DEFAULT_HEADERS = { "content-type": "application/json", "user-agent": "Slotbook-Webhooks/1" };

/**
 * POSTs `body` with `headers` (plus content-type application/json and user-agent "Slotbook-Webhooks/1" unless given)
 * to `url`. Resolves with any status the receiver answers (redirects are never followed); rejects with
 * `WebhookRefusedError` for policy refusals and with an `Error` whose message is a short sentence for the rest
 * ("Connection refused by host:port", "Timed out after 15 s", "Could not resolve host …"). Throws a `TypeError` at
 * once for a `timeoutMs` that is not a positive number.
 * @example const { status } = await postWebhook({ url, headers: signed, body, allowPrivateNetworks: false });
 */
export function postWebhook(post: WebhookPost): Promise<WebhookAnswer> {
  const timeoutMs = post.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!(timeoutMs > 0 && Number.isFinite(timeoutMs))) throw new TypeError(`timeoutMs must be > 0, not ${timeoutMs}`);
  const problem = webhookUrlProblem(post.url, post.allowPrivateNetworks);
  if (problem) return Promise.reject(new WebhookRefusedError(problem));

  const url = new URL(post.url);
  const hostname = url.hostname.replace(/^\[(.*)\]$/, "$1");
  const where = `${url.hostname}:${url.port || (url.protocol === "https:" ? 443 : 80)}`;
  const headers: Record<string, string> = { ...DEFAULT_HEADERS };
  for (const [name, value] of Object.entries(post.headers)) headers[name.toLowerCase()] = value;
  headers["content-length"] = String(Buffer.byteLength(post.body));

  return new Promise((resolve, reject) => {
    let refusal: WebhookRefusedError | undefined;
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req?.destroy();
      outcome();
    };
    const timer = setTimeout(
      () => settle(() => reject(new Error(`Timed out after ${Math.round(timeoutMs) / 1000} s`))),
      timeoutMs,
    );
    const lookup = guardedLookup(post.allowPrivateNetworks, (error) => {
      refusal = error;
    });
    let req: ClientRequest | undefined;
    try {
      req = (url.protocol === "https:" ? httpsRequest : httpRequest)({
        method: "POST",
        hostname,
        port: url.port || undefined,
        path: `${url.pathname}${url.search}`,
        headers,
        // A literal IP is never looked up (net skips `lookup`), so webhookUrlProblem checked it above.
        lookup,
        // SNI and the certificate check use the name, while the socket goes to the address `lookup` checked.
        ...(isIP(hostname) === 0 ? { servername: hostname } : {}),
        // One connection per attempt: no socket is pooled or shared across endpoints.
        agent: false,
      });
    } catch (error) {
      settle(() => reject(new Error(`Could not send the request: ${(error as Error).message}`, { cause: error })));
      return;
    }
    req.on("error", (error) => settle(() => reject(refusal ?? networkError(error, hostname, where))));
    req.on("response", (res) => readAnswer(res, (answer) => settle(() => resolve(answer))));
    req.end(post.body);
  });
}

/** A `lookup` for node:http that resolves every address, refuses if any is private, and hands over only those. */
function guardedLookup(allowPrivate: boolean, onRefusal: (error: WebhookRefusedError) => void): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, []);
      const refused = allowPrivate ? undefined : addresses.find(({ address }) => isPrivateAddress(address));
      const first = addresses[0];
      if (refused || !first) {
        const why = refused
          ? `${hostname} resolves to ${refused.address}, a loopback, private or internal address, which webhooks may reach only with WEBHOOK_ALLOW_PRIVATE_NETWORKS=true`
          : `${hostname} resolves to no address`;
        const refusal = new WebhookRefusedError(why);
        onRefusal(refusal);
        return callback(refusal, []);
      }
      // net asks for all addresses when it races IPv4 and IPv6 (autoSelectFamily), for one otherwise.
      if (options.all) callback(null, addresses);
      else callback(null, first.address, first.family);
    });
  };
}

/** Reads up to EXCERPT_BYTES of the body, then stops: a huge or endless body is not downloaded. */
function readAnswer(res: IncomingMessage, done: (answer: WebhookAnswer) => void): void {
  const chunks: Buffer[] = [];
  let size = 0;
  const finish = () => {
    res.destroy();
    const text = new TextDecoder().decode(Buffer.concat(chunks).subarray(0, EXCERPT_BYTES));
    const retryAfterMs = parseRetryAfter(res.headers["retry-after"]);
    done({
      status: res.statusCode ?? 0,
      excerpt: Array.from(text).slice(0, EXCERPT_CHARS).join(""),
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    });
  };
  res.on("data", (chunk: Buffer) => {
    chunks.push(chunk);
    size += chunk.length;
    if (size >= EXCERPT_BYTES) finish();
  });
  res.on("end", finish);
  // A body cut short still leaves the status the receiver gave, which is what decides the delivery.
  res.on("error", finish);
  res.on("close", finish);
}

/** `Retry-After` in ms: delta seconds or an HTTP date (a past date is 0); undefined when absent or malformed. */
function parseRetryAfter(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) {
    const seconds = Number(text);
    return Number.isSafeInteger(seconds * 1000) ? seconds * 1000 : undefined;
  }
  // Every HTTP-date form starts with a day name; Date.parse alone would accept strings like "5.5".
  if (!/^(mon|tue|wed|thu|fri|sat|sun)/i.test(text)) return undefined;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

/** A short sentence for the delivery log, keeping the original as `cause`. */
function networkError(error: NodeJS.ErrnoException, hostname: string, where: string): Error {
  const code = error.code ?? "";
  const sentence = (() => {
    if (code === "ECONNREFUSED") return `Connection refused by ${where}`;
    if (["ENOTFOUND", "EAI_AGAIN", "EAI_FAIL", "EAI_NODATA", "ENODATA"].includes(code)) {
      return `Could not resolve host ${hostname}`;
    }
    if (code === "ECONNRESET") return `Connection reset by ${where} before it answered`;
    if (code === "ETIMEDOUT") return `Could not connect to ${where} (timed out)`;
    if (code === "EHOSTUNREACH" || code === "ENETUNREACH") return `No route to ${where}`;
    if (code.startsWith("HPE_")) return `${where} sent an answer that is not valid HTTP`;
    if (code.startsWith("ERR_TLS_") || /CERT|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code)) {
      return `The TLS certificate of ${where} was rejected: ${error.message}`;
    }
    if (code === "EPROTO" || code.startsWith("ERR_SSL_")) return `TLS handshake with ${where} failed: ${error.message}`;
    return `Request to ${where} failed: ${error.message}`;
  })();
  return new Error(sentence, { cause: error });
}
