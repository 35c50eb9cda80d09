/**
 * @module Setup (`/console/setup?token=…`) and invites (`/console/invite?token=…`): what the link is for, then the
 * account form (email for setup, name, password), checked with the contract's own schema, and in. A used or expired
 * link says so and what to do instead.
 */
import { Fragment, h } from "preact";
import { useContext, useState } from "preact/hooks";
import * as z from "zod/mini";
import { SlotbookError } from "../../sdk/errors/slotbook-error.js";
import { acceptSchema, type TokenInfo } from "../../sdk/schemas/console.js";
import { api, describeError, useLoad } from "../api.js";
import { formatDateTime } from "../format.js";
import type { PageProps } from "../lazy-page.js";
import { Link, useLocation } from "../router.js";
import { ROLES, SignedInContext } from "../session.js";
import { Button } from "../ui/button.js";
import { TextField } from "../ui/field.js";
import { PageHeader } from "../ui/page-header.js";
import { Spinner } from "../ui/spinner.js";

/** Field errors of the account form by field name, from the contract's schema (or the server's 422). */
export function acceptErrors(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const key = String(issue.path[0] ?? "form");
    errors[key] ??= issue.message;
  }
  return errors;
}

/** What a dead link page says: why, and the way forward for this kind of link. */
export function deadLinkText(kind: "setup" | "invite"): { title: string; text: string } {
  return kind === "setup"
    ? {
        title: "This setup link no longer works",
        text: "Setup links work once, for one hour. If the console already has an owner, sign in. Otherwise restart the server: while nobody has an account, it prints a fresh link when it starts.",
      }
    : {
        title: "This invite link no longer works",
        text: "Invite links work once, for 7 days. If you already used it, sign in. Otherwise ask an owner of the console to invite you again.",
      };
}

function DeadLink({ kind }: { kind: "setup" | "invite" }) {
  const { title, text } = deadLinkText(kind);
  return (
    <>
      <PageHeader title={title} />
      <p>{text}</p>
      <p class="auth-foot">
        <Link to="/sign-in" class="btn btn-primary btn-block">
          Go to sign in
        </Link>
      </p>
    </>
  );
}

function AccountForm({ token, info }: { token: string; info: TokenInfo }) {
  const signedIn = useContext(SignedInContext);
  const [email, setEmail] = useState(info.email ?? "");
  const [name, setName] = useState("");
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string>();
  const [dead, setDead] = useState(false);
  const [busy, setBusy] = useState(false);
  const setup = info.kind === "setup";
  const submit = async (event: Event) => {
    event.preventDefault();
    setFormError(undefined);
    const body = { token, name, password, ...(setup ? { email } : {}) };
    const checked = z.safeParse(acceptSchema, body);
    if (!checked.success) {
      setErrors(acceptErrors(checked.error.issues));
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      signedIn(await api().auth.accept(body), "/");
    } catch (failure) {
      setBusy(false);
      if (failure instanceof SlotbookError && failure.status === 404) setDead(true);
      else if (failure instanceof SlotbookError && failure.code === "validation_failed" && failure.issues.length) {
        setErrors(acceptErrors(failure.issues));
      } else setFormError(describeError(failure));
    }
  };
  if (dead) return <DeadLink kind={info.kind} />;
  const role = ROLES.find((r) => r.value === info.role);
  return (
    <>
      <PageHeader
        title={setup ? "Set up your console" : "Join the team"}
        description={
          setup
            ? "Create the first account. It is an owner: it can do everything and invite the rest of the team."
            : `You are invited as ${info.role === "owner" ? "an owner" : info.role === "editor" ? "an editor" : "a viewer"}: ${role?.what}.`
        }
      />
      <form class="stack" onSubmit={submit} noValidate>
        {formError && (
          <div class="notice notice-error" role="alert">
            {formError}
          </div>
        )}
        {setup ? (
          <TextField
            label="Email"
            type="email"
            autocomplete="username"
            value={email}
            onValue={setEmail}
            error={errors.email}
            required
          />
        ) : (
          <TextField label="Email" type="email" autocomplete="username" value={email} onValue={() => {}} readOnly />
        )}
        <TextField label="Your name" autocomplete="name" value={name} onValue={setName} error={errors.name} required />
        <TextField
          label="Password"
          type="password"
          autocomplete="new-password"
          value={password}
          onValue={setPassword}
          error={errors.password}
          hint="At least 10 characters. A few words you will remember make a strong one."
          required
        />
        <Button variant="primary" type="submit" busy={busy} class="btn-block">
          {setup ? "Create account" : "Join and sign in"}
        </Button>
      </form>
      <p class="auth-foot muted">This link works until {formatDateTime(info.expiresAt)}.</p>
    </>
  );
}

/** The setup and invite page. */
export default function AcceptPage(_: PageProps) {
  const { path, query } = useLocation();
  const kind = path === "/setup" ? "setup" : "invite";
  const token = query.get("token") ?? "";
  const info = useLoad((signal) => (token ? api().auth.lookupToken(token, { signal }) : Promise.reject(null)), [token]);
  if (!token) {
    return (
      <>
        <PageHeader title="This link is incomplete" />
        <p>
          The address is missing its token. Open the link again from where you got it (the server's start-up message for
          setup, or the invite you were sent), or copy all of it, up to the end.
        </p>
      </>
    );
  }
  if (info.error !== undefined) {
    if (info.error instanceof SlotbookError && info.error.status === 404) return <DeadLink kind={kind} />;
    return (
      <>
        <PageHeader title="The link could not be checked" />
        <div class="notice notice-error" role="alert">
          {describeError(info.error)}
        </div>
        <p class="auth-foot">
          <Button onClick={info.reload}>Try again</Button>
        </p>
      </>
    );
  }
  if (!info.data) return <Spinner label="Checking the link" />;
  return <AccountForm token={token} info={info.data} />;
}
