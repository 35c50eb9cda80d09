/**
 * @module Settings → Team: the console's users (change role, remove) and open invites (revoke), and inviting someone
 * with a role; the invite link is shown once, to copy and send. Owners change; everyone else reads.
 */
import { Fragment, h } from "preact";
import { useState } from "preact/hooks";
import type { Invite, Role, User } from "../../../sdk/schemas/console.js";
import { api, describeError, useAction, useLoad } from "../../api.js";
import { formatDateTime, relativeTime } from "../../format.js";
import { needsRole, ROLES, useSession } from "../../session.js";
import { Button } from "../../ui/button.js";
import { SecretBox } from "../../ui/copy-button.js";
import { confirmAction, Modal } from "../../ui/dialog.js";
import { SelectField, TextField } from "../../ui/field.js";
import { Icon } from "../../ui/icons.js";
import { Badge, LoadError } from "../../ui/notice.js";
import { Spinner } from "../../ui/spinner.js";
import { Table } from "../../ui/table.js";

const roleOptions = ROLES.map((r) => ({ value: r.value, label: r.label }));

function InviteDialog({ open, onClose, onInvited }: { open: boolean; onClose: () => void; onInvited: () => void }) {
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("editor");
  const [link, setLink] = useState<string>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const close = () => {
    setEmail("");
    setRole("editor");
    setLink(undefined);
    setError(undefined);
    onClose();
  };
  const submit = async (event: Event) => {
    event.preventDefault();
    setError(undefined);
    setBusy(true);
    try {
      const created = await api().team.invite({ email: email.trim(), role });
      setLink(created.url);
      onInvited();
    } catch (failure) {
      setError(describeError(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={open}
      title={link ? "Send this invite link" : "Invite someone"}
      onClose={close}
      footer={
        link ? (
          <Button variant="primary" onClick={close}>
            Done
          </Button>
        ) : (
          <>
            <Button onClick={close}>Cancel</Button>
            <Button variant="primary" type="submit" form="invite-form" busy={busy}>
              Create invite link
            </Button>
          </>
        )
      }
    >
      {link ? (
        <>
          <p>
            Send this link to <strong>{email}</strong> yourself (by email or chat). It works once, for 7 days, and this
            is the only time it is shown.
          </p>
          <SecretBox value={link} label="Invite link" />
        </>
      ) : (
        <form id="invite-form" class="stack" onSubmit={submit} noValidate>
          {error && (
            <div class="notice notice-error" role="alert">
              {error}
            </div>
          )}
          <TextField label="Email" type="email" value={email} onValue={setEmail} required autocomplete="off" />
          <SelectField
            label="Role"
            value={role}
            onValue={(value) => setRole(value as Role)}
            options={roleOptions}
            hint={`${ROLES.find((r) => r.value === role)?.label}: ${ROLES.find((r) => r.value === role)?.what}.`}
          />
        </form>
      )}
    </Modal>
  );
}

/** The team tab. */
export function TeamSettings() {
  const { session, setSession, isOwner } = useSession();
  const team = useLoad((signal) => api().team.list({ signal }), []);
  const [inviting, setInviting] = useState(false);
  const changeRole = useAction((user: User, role: Role) => api().team.update(user.id, { role }), {
    success: (u) =>
      `${u.name || u.email} is now ${u.role === "owner" ? "an owner" : u.role === "editor" ? "an editor" : "a viewer"}`,
  });
  const remove = useAction((user: User) => api().team.remove(user.id), { success: "Removed from the team" });
  const revoke = useAction((invite: Invite) => api().team.revokeInvite(invite.id), { success: "Invite revoked" });

  const askRemove = async (user: User) => {
    const ok = await confirmAction({
      title: `Remove ${user.name || user.email}?`,
      body: (
        <p>
          They are signed out on every device at once and can no longer open the console. Bookings, widgets and
          everything they made stay. To let them back in, invite them again.
        </p>
      ),
      confirmLabel: "Remove from team",
      cancelLabel: "Keep",
    });
    if (ok && (await remove.run(user)) !== undefined) team.reload();
  };
  const askRevoke = async (invite: Invite) => {
    const ok = await confirmAction({
      title: `Revoke the invite for ${invite.email}?`,
      body: <p>The link stops working at once. You can invite them again later.</p>,
      confirmLabel: "Revoke invite",
      cancelLabel: "Keep invite",
    });
    if (ok && (await revoke.run(invite)) !== undefined) team.reload();
  };
  const setRole = async (user: User, role: Role) => {
    const updated = await changeRole.run(user, role);
    if (updated) team.setData((t) => t && { ...t, users: t.users.map((u) => (u.id === updated.id ? updated : u)) });
    else team.reload();
    // One's own role changed: what the console shows and allows changes with it.
    if (updated && user.id === session.user.id) setSession(await api().auth.session());
  };

  if (team.error) return <LoadError error={team.error} onRetry={team.reload} />;
  if (!team.data) return <Spinner label="Loading the team" />;
  const { users, invites } = team.data;
  return (
    <div class="stack">
      <section class="card" aria-labelledby="people">
        <div class="card-head">
          <div>
            <h2 id="people">People</h2>
            <p>Owners can do everything, editors run widgets, slots and bookings, viewers only look.</p>
          </div>
          {isOwner ? (
            <Button variant="primary" onClick={() => setInviting(true)}>
              <Icon name="plus" size={16} /> Invite someone
            </Button>
          ) : (
            <span class="muted small">{needsRole("owner")}</span>
          )}
        </div>
        <Table
          caption="Team members"
          class="stack-on-phone"
          rows={users}
          rowKey={(u) => u.id}
          columns={[
            {
              label: "Name",
              kind: "primary",
              cell: (u) => (
                <>
                  <span class="cell-strong">{u.name || u.email}</span>
                  {u.id === session.user.id && <Badge tone="info">You</Badge>}
                  <span class="cell-sub">{u.email}</span>
                </>
              ),
            },
            {
              label: "Role",
              cell: (u) =>
                isOwner ? (
                  <select
                    class="input input-inline"
                    aria-label={`Role of ${u.name || u.email}`}
                    value={u.role}
                    onChange={(e) => setRole(u, (e.currentTarget as HTMLSelectElement).value as Role)}
                  >
                    {roleOptions.map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.label}
                      </option>
                    ))}
                  </select>
                ) : (
                  ROLES.find((r) => r.value === u.role)?.label
                ),
            },
            {
              label: "Last signed in",
              cell: (u) => (u.lastSignInAt ? relativeTime(u.lastSignInAt) : <span class="muted">Never</span>),
            },
            {
              label: "Actions",
              kind: "actions",
              hideLabel: true,
              cell: (u) =>
                isOwner && u.id !== session.user.id ? (
                  <Button
                    size="sm"
                    variant="ghost"
                    onClick={() => askRemove(u)}
                    aria-label={`Remove ${u.name || u.email}`}
                  >
                    Remove
                  </Button>
                ) : null,
            },
          ]}
        />
      </section>
      <section class="card" aria-labelledby="invites">
        <div class="card-head">
          <h2 id="invites">Open invites</h2>
        </div>
        {invites.length === 0 ? (
          <p class="card-body muted">
            No open invites. {isOwner ? "Invite someone and send them the link; it works once, for 7 days." : ""}
          </p>
        ) : (
          <Table
            caption="Open invites"
            class="stack-on-phone"
            rows={invites}
            rowKey={(i) => i.id}
            columns={[
              { label: "Email", kind: "primary", cell: (i) => <span class="cell-strong">{i.email}</span> },
              { label: "Role", cell: (i) => ROLES.find((r) => r.value === i.role)?.label },
              {
                label: "Expires",
                cell: (i) => <span title={formatDateTime(i.expiresAt)}>{relativeTime(i.expiresAt)}</span>,
              },
              {
                label: "Actions",
                kind: "actions",
                hideLabel: true,
                cell: (i) =>
                  isOwner ? (
                    <Button
                      size="sm"
                      variant="ghost"
                      onClick={() => askRevoke(i)}
                      aria-label={`Revoke the invite for ${i.email}`}
                    >
                      Revoke
                    </Button>
                  ) : null,
              },
            ]}
          />
        )}
      </section>
      <InviteDialog open={inviting} onClose={() => setInviting(false)} onInvited={team.reload} />
    </div>
  );
}
