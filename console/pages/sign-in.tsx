/** @module Sign in (`/console/sign-in?next=…`): email and password, the server's refusal in words, then back to `next`. */
import { Fragment, h } from "preact";
import { useContext, useState } from "preact/hooks";
import { SlotbookError } from "../../sdk/errors/slotbook-error.js";
import { api, describeError } from "../api.js";
import type { PageProps } from "../lazy-page.js";
import { useLocation } from "../router.js";
import { SignedInContext } from "../session.js";
import { Button } from "../ui/button.js";
import { TextField } from "../ui/field.js";
import { PageHeader } from "../ui/page-header.js";

/** The sentence for a failed sign-in. */
export function signInError(error: unknown): string {
  if (error instanceof SlotbookError && error.status === 401) {
    return "That email and password do not match an account here. Check both and try again.";
  }
  return describeError(error);
}

/** The sign-in page. */
export default function SignInPage(_: PageProps) {
  const { query } = useLocation();
  const signedIn = useContext(SignedInContext);
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      signedIn(await api().auth.signIn({ email, password }), query.get("next") ?? "/");
    } catch (failure) {
      setError(signInError(failure));
      setBusy(false);
    }
  };
  return (
    <>
      <PageHeader title="Sign in" description="to the Slotbook console" />
      <form class="stack" onSubmit={submit} noValidate>
        {error && (
          <div class="notice notice-error" role="alert">
            {error}
          </div>
        )}
        <TextField
          label="Email"
          type="email"
          name="email"
          autocomplete="username"
          value={email}
          onValue={setEmail}
          required
        />
        <TextField
          label="Password"
          type="password"
          name="password"
          autocomplete="current-password"
          value={password}
          onValue={setPassword}
          required
        />
        <Button variant="primary" type="submit" busy={busy} class="btn-block">
          Sign in
        </Button>
      </form>
      <p class="auth-foot muted">
        New here? Open the invite link an owner sent you. Forgot your password? An owner can remove your account and
        invite you again (there is no reset by email yet).
      </p>
    </>
  );
}
