/**
 * @module Settings → API keys: the keys other systems use (label, created, last used), a new key's secret shown
 * once with a copy button, and revoking one (after saying that whatever uses it stops at once). Owners only change.
 */
import { Fragment, h } from "preact";
import { useState } from "preact/hooks";
import type { ApiKey, ApiKeyCreated } from "../../../sdk/schemas/api-key.js";
import { api, describeError, useAction, useLoad } from "../../api.js";
import { formatDateTime, relativeTime } from "../../format.js";
import { needsRole, useSession } from "../../session.js";
import { Button } from "../../ui/button.js";
import { SecretBox } from "../../ui/copy-button.js";
import { confirmAction, Modal } from "../../ui/dialog.js";
import { EmptyState } from "../../ui/empty-state.js";
import { TextField } from "../../ui/field.js";
import { Icon } from "../../ui/icons.js";
import { LoadError, Notice } from "../../ui/notice.js";
import { Spinner } from "../../ui/spinner.js";
import { Table } from "../../ui/table.js";

function CreateKeyDialog({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: () => void }) {
  const [label, setLabel] = useState("");
  const [created, setCreated] = useState<ApiKeyCreated>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const close = () => {
    setLabel("");
    setCreated(undefined);
    setError(undefined);
    onClose();
  };
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      setCreated(await api().keys.create(label.trim() ? { label: label.trim() } : {}));
      onCreated();
    } catch (failure) {
      setError(describeError(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={open}
      title={created ? "Copy your new key" : "Create an API key"}
      onClose={close}
      footer={
        created ? (
          <Button variant="primary" onClick={close}>
            I have copied it
          </Button>
        ) : (
          <>
            <Button onClick={close}>Cancel</Button>
            <Button variant="primary" type="submit" form="key-form" busy={busy}>
              Create key
            </Button>
          </>
        )
      }
    >
      {created ? (
        <>
          <Notice kind="warning">
            This is the only time the key is shown; Slotbook keeps only a fingerprint of it. Store it in your other
            system's secret settings now.
          </Notice>
          <SecretBox value={created.secret} label="API key" />
          <p class="muted small">
            Send it as <code>Authorization: Bearer …</code>. It can do everything an owner can.
          </p>
        </>
      ) : (
        <form id="key-form" class="stack" onSubmit={submit} noValidate>
          {error && (
            <div class="notice notice-error" role="alert">
              {error}
            </div>
          )}
          <TextField
            label="What is it for?"
            value={label}
            onValue={setLabel}
            optional
            maxLength={100}
            placeholder="CRM sync, production"
            hint="A label to recognise it by later, in the list below."
          />
        </form>
      )}
    </Modal>
  );
}

/** The API keys tab. */
export function KeySettings() {
  const { isOwner } = useSession();
  const keys = useLoad((signal) => api().keys.list({ signal }), []);
  const [creating, setCreating] = useState(false);
  const revoke = useAction((key: ApiKey) => api().keys.revoke(key.id), { success: "Key revoked" });
  const askRevoke = async (key: ApiKey) => {
    const ok = await confirmAction({
      title: `Revoke ${key.label ? `"${key.label}"` : "this key"}?`,
      body: (
        <p>
          Anything that uses this key (a CRM sync, a script) is refused from its next request on. This cannot be undone;
          make a new key for it if it still needs access.
        </p>
      ),
      confirmLabel: "Revoke key",
      cancelLabel: "Keep key",
    });
    if (ok && (await revoke.run(key)) !== undefined) keys.reload();
  };
  if (keys.error) return <LoadError error={keys.error} onRetry={keys.reload} />;
  if (!keys.data) return <Spinner label="Loading API keys" />;
  const { data, bootstrapKey } = keys.data;
  return (
    <section class="card" aria-labelledby="keys">
      <div class="card-head">
        <div>
          <h2 id="keys">API keys</h2>
          <p>For your own systems and scripts to use the admin API and the SDK.</p>
        </div>
        {isOwner ? (
          <Button variant="primary" onClick={() => setCreating(true)}>
            <Icon name="plus" size={16} /> Create key
          </Button>
        ) : (
          <span class="muted small">{needsRole("owner")}</span>
        )}
      </div>
      {bootstrapKey && (
        <div class="card-body">
          <Notice>
            The server also accepts the key in its <code>SLOTBOOK_ADMIN_KEY</code> setting. It is not listed here and
            cannot be revoked from the console: unset it and restart the server.
          </Notice>
        </div>
      )}
      {data.length === 0 ? (
        <EmptyState title="No API keys" icon={<Icon name="key" />}>
          <p>You only need one to connect another system, such as a CRM, to Slotbook.</p>
        </EmptyState>
      ) : (
        <Table
          caption="API keys"
          class="stack-on-phone"
          rows={data}
          rowKey={(k) => k.id}
          columns={[
            {
              label: "Label",
              kind: "primary",
              cell: (k) => (
                <>
                  <span class="cell-strong">{k.label ?? "No label"}</span>
                  <span class="cell-sub mono">{k.id}</span>
                </>
              ),
            },
            { label: "Created", cell: (k) => formatDateTime(k.createdAt) },
            {
              label: "Last used",
              cell: (k) => (k.lastUsedAt ? relativeTime(k.lastUsedAt) : <span class="muted">Never</span>),
            },
            {
              label: "Actions",
              kind: "actions",
              hideLabel: true,
              cell: (k) =>
                isOwner ? (
                  <Button
                    size="sm"
                    variant="ghost"
                    onClick={() => askRevoke(k)}
                    aria-label={`Revoke ${k.label ?? k.id}`}
                  >
                    Revoke
                  </Button>
                ) : null,
            },
          ]}
        />
      )}
      <CreateKeyDialog open={creating} onClose={() => setCreating(false)} onCreated={keys.reload} />
    </section>
  );
}
