/**
 * @module Settings → Email: how this server sends mail (SMTP, or the development mailbox, or not at all), what is
 * waiting, the latest failures, and a test message to see it work.
 */
import { Fragment, h } from "preact";
import { useState } from "preact/hooks";
import type { EmailStatus, EmailTestResult } from "../../../sdk/schemas/console.js";
import { api, describeError, useLoad } from "../../api.js";
import { formatDateTime, plural } from "../../format.js";
import { Link } from "../../router.js";
import { needsRole, useSession } from "../../session.js";
import { Button } from "../../ui/button.js";
import { TextField } from "../../ui/field.js";
import { Badge, LoadError, Notice } from "../../ui/notice.js";
import { Spinner } from "../../ui/spinner.js";
import { Table } from "../../ui/table.js";

/** What the transport means for the marketer, in a sentence. */
export function transportText(status: EmailStatus): { tone: "good" | "warn" | "bad"; title: string; text: string } {
  switch (status.transport) {
    case "smtp":
      return { tone: "good", title: "Sending", text: `Email goes out through your mail server, from ${status.from}.` };
    case "files":
      return {
        tone: "warn",
        title: "Development mailbox",
        text: "Nothing is really sent: each message is written as an .eml file in .slotbook/mail/ on the server. Set SMTP_URL (and MAIL_FROM) and restart to send for real.",
      };
    default:
      return {
        tone: "bad",
        title: "Not sending",
        text: "This server was started without a mailer, so no email leaves it. Whoever runs it needs to set SMTP_URL.",
      };
  }
}

function TestMessage({ defaultTo }: { defaultTo: string }) {
  const { isOwner } = useSession();
  const [to, setTo] = useState(defaultTo);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<EmailTestResult | { sent: false; error: string }>();
  const send = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setResult(undefined);
    try {
      setResult(await api().email.test(to.trim()));
    } catch (failure) {
      setResult({ sent: false, error: describeError(failure) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="stack" onSubmit={send} noValidate>
      <div class="row test-row">
        <TextField label="Send a test message to" type="email" value={to} onValue={setTo} class="grow" />
        <Button type="submit" busy={busy} disabled={!isOwner} title={isOwner ? undefined : needsRole("owner")}>
          Send test
        </Button>
      </div>
      <div aria-live="polite">
        {result?.sent && <Notice kind="success">The mail server took the message. Check the inbox of {to}.</Notice>}
        {result && !result.sent && (
          <div class="notice notice-error" role="alert">
            The message was not sent: {result.error ?? "the mail server refused it."}
          </div>
        )}
      </div>
    </form>
  );
}

/** The email tab. */
export function EmailSettings() {
  const { session } = useSession();
  const status = useLoad((signal) => api().email.status({ signal }), []);
  if (status.error) return <LoadError error={status.error} onRetry={status.reload} />;
  if (!status.data) return <Spinner label="Loading the email status" />;
  const s = status.data;
  const transport = transportText(s);
  return (
    <div class="stack">
      <section class="card" aria-labelledby="email-status">
        <div class="card-head">
          <h2 id="email-status">Email</h2>
          <Badge tone={transport.tone}>{transport.title}</Badge>
        </div>
        <div class="card-body stack">
          <p>{transport.text}</p>
          <dl class="dl">
            <dt>From</dt>
            <dd>{s.from}</dd>
            <dt>Waiting to go</dt>
            <dd>{s.pending === 0 ? "Nothing" : plural(s.pending, "message")}</dd>
          </dl>
          <TestMessage defaultTo={session.user.email} />
        </div>
      </section>
      <section class="card" aria-labelledby="email-failures">
        <div class="card-head">
          <div>
            <h2 id="email-failures">Recent problems</h2>
            <p>Messages that failed or are being retried, newest first.</p>
          </div>
          <Button size="sm" variant="ghost" onClick={status.reload}>
            Refresh
          </Button>
        </div>
        {s.failures.length === 0 ? (
          <p class="card-body muted">No failed messages. Everything sent so far went through.</p>
        ) : (
          <Table
            caption="Failed or retrying messages"
            class="stack-on-phone"
            rows={s.failures}
            rowKey={(f) => f.id}
            columns={[
              {
                label: "When",
                kind: "primary",
                cell: (f) => <span class="cell-strong">{formatDateTime(f.updatedAt)}</span>,
              },
              { label: "Message", cell: (f) => f.event },
              {
                label: "Booking",
                cell: (f) => (f.bookingId ? <Link to={`/bookings/${f.bookingId}`}>Open booking</Link> : "–"),
              },
              {
                label: "Status",
                cell: (f) => (
                  <>
                    <Badge tone={f.status === "failed" ? "bad" : "warn"}>
                      {f.status === "failed" ? "Failed" : "Retrying"}
                    </Badge>
                    <span class="cell-sub">{plural(f.attempts, "attempt")}</span>
                  </>
                ),
              },
              { label: "Error", cell: (f) => <span class="small">{f.lastError ?? "–"}</span> },
            ]}
          />
        )}
      </section>
    </div>
  );
}
