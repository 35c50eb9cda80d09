/**
 * @module Test helper: a real SMTP server in this process (smtp-server) that parses what it receives (mailparser),
 * and can refuse recipients with a 4xx or 5xx reply. No vitest import here, so any test or script may load it.
 */
import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

/** A received message with the envelope it came in. */
export interface ReceivedMail {
  to: string[];
  from: string;
  mail: ParsedMail;
  /** The raw message, for looking at MIME headers. */
  raw: string;
}

/** The running server. */
export interface TestSmtpServer {
  /** `smtp://127.0.0.1:PORT` */
  url: string;
  received: ReceivedMail[];
  /** How many RCPT TO commands were refused so far. */
  refused(): number;
  /** Refuse the next `count` RCPT TO commands with `code` (451: try later; 550: no such user). */
  refuse(count: number, code?: number): void;
  /** Resolves once `count` messages have arrived (fails after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

/** Starts the server on a free loopback port. */
export async function startTestSmtpServer(): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  let refusals = 0;
  let refusalCode = 451;
  let refusedCount = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (refusals > 0) {
        refusals--;
        refusedCount++;
        const error = Object.assign(new Error(refusalCode < 500 ? "Try again later" : "No such user"), {
          responseCode: refusalCode,
        });
        return callback(error);
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks);
        simpleParser(raw).then(
          (mail) => {
            const from = session.envelope.mailFrom;
            received.push({
              to: session.envelope.rcptTo.map((r) => r.address),
              from: from ? from.address : "",
              mail,
              raw: raw.toString("utf8"),
            });
            callback();
          },
          (error: Error) => callback(error),
        );
      });
    },
  });
  // A client that dies mid-session (the crash test SIGKILLs one) resets its socket; that is the test's point, not
  // a failure of this server, and unheard it would be an uncaught exception in the test process.
  server.on("error", () => {});
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    refused: () => refusedCount,
    refuse(count, code = 451) {
      refusals = count;
      refusalCode = code;
    },
    async waitFor(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > deadline) throw new Error(`Expected ${count} messages, got ${received.length}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return received;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
