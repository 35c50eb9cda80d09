/**
 * @module The widget editor (`/widgets/{id}`): every setting in sections, saved as one PATCH of what changed, the
 * contract's and the server's issues at the field they name, and the live preview of the real widget beside it.
 */
import { type ComponentChildren, Fragment, h } from "preact";
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { SlotbookError } from "../../../sdk/errors/slotbook-error.js";
import type { Issue } from "../../../sdk/schemas/problem.js";
import type { Widget } from "../../../sdk/schemas/widget-admin.js";
import { api, useAction, useLoad } from "../../api.js";
import { Link } from "../../router.js";
import { needsRole, useSession } from "../../session.js";
import { Button } from "../../ui/button.js";
import { EmptyState } from "../../ui/empty-state.js";
import { Icon } from "../../ui/icons.js";
import { Badge, LoadError } from "../../ui/notice.js";
import { PageHeader } from "../../ui/page-header.js";
import { Spinner } from "../../ui/spinner.js";
import { toast } from "../../ui/toast.js";
import { AfterSection, ClassSection } from "./after-section.js";
import { BasicsSection } from "./basics-section.js";
import { EmbedSection } from "./embed-section.js";
import { FormSection } from "./form-section.js";
import { LookSection } from "./look-section.js";
import { pathLabel } from "./path-label.js";
import { publicSlotsOf } from "./preview-slots.js";
import { SnippetsPanel } from "./snippets-panel.js";
import { draftOf, settingsOf, type WidgetDraft } from "./widget-draft.js";
import { issuesByPath, patchIssues, sameValue, widgetPatch } from "./widget-patch.js";
import { WidgetPreview } from "./widget-preview.js";

/** The editor of one widget, once it and its slots have loaded. */
export function WidgetEditor({ widgetId }: { widgetId: string }) {
  const { data, error, reload } = useLoad(
    async (signal) => {
      const [widget, slots] = await Promise.all([
        api().widgets.get(widgetId, { signal }),
        api().slots.list(widgetId, { signal }),
      ]);
      return { widget, slots: publicSlotsOf(slots, new Date()) };
    },
    [widgetId],
  );
  const back = <Link to="/widgets">← Widgets</Link>;
  if (error !== undefined && !data) {
    const missing = error instanceof SlotbookError && error.code === "not_found";
    return (
      <>
        <PageHeader title={missing ? "Widget not found" : "Widget"} back={back} />
        {missing ? (
          <EmptyState
            title="There is no such widget"
            action={
              <Link to="/widgets" class="btn btn-primary">
                See all widgets
              </Link>
            }
          >
            <p>It may have been deleted, or the link is mistyped.</p>
          </EmptyState>
        ) : (
          <LoadError error={error} onRetry={reload} />
        )}
      </>
    );
  }
  if (!data) return <Spinner label="Loading the widget" />;
  return <Editor initial={data.widget} slots={data.slots} back={back} />;
}

/** The server's refusal of a save, and the draft it refused: each issue shows until its setting is changed. */
interface Refusal {
  issues: Issue[];
  draft: WidgetDraft;
}

function Editor({
  initial,
  slots,
  back,
}: {
  initial: Widget;
  slots: ReturnType<typeof publicSlotsOf>;
  back: ComponentChildren;
}) {
  const { canEdit } = useSession();
  const [saved, setSaved] = useState(initial);
  const [draft, setDraft] = useState(() => draftOf(initial));
  const [attempted, setAttempted] = useState(false);
  const [refusal, setRefusal] = useState<Refusal>();
  const form = useRef<HTMLFormElement>(null);
  const patch = useMemo(() => widgetPatch(saved, draft), [saved, draft]);
  const dirty = Object.keys(patch).length > 0;

  // After a first try, the contract's issues follow the draft as it is typed; the server's stay until their setting
  // changes.
  const issues = useMemo(() => {
    if (!attempted) return [];
    const now = settingsOf(draft) as unknown as Record<string, unknown>;
    const then = refusal && (settingsOf(refusal.draft) as unknown as Record<string, unknown>);
    const server = (refusal?.issues ?? []).filter((issue) => {
      const key = String(issue.path[0] ?? "");
      return then && sameValue(now[key], then[key]);
    });
    return [...patchIssues(patch), ...server];
  }, [attempted, draft, patch, refusal]);
  const errors = useMemo(() => issuesByPath(issues), [issues]);

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    addEventListener("beforeunload", warn);
    return () => removeEventListener("beforeunload", warn);
  }, [dirty]);

  const focusFirstError = () =>
    requestAnimationFrame(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  const update = useAction(async (body: typeof patch, at: WidgetDraft) => {
    try {
      return await api().widgets.update(saved.id, body);
    } catch (error) {
      if (!(error instanceof SlotbookError) || error.code !== "validation_failed") throw error;
      setRefusal({ issues: error.issues, draft: at });
      return null;
    }
  });
  const save = async (event?: Event) => {
    event?.preventDefault();
    if (!dirty || update.busy) return;
    setAttempted(true);
    if (patchIssues(patch).length > 0) return focusFirstError();
    const result = await update.run(patch, draft);
    if (result) {
      toast("Changes saved");
      setSaved(result);
      setDraft(draftOf(result));
      setAttempted(false);
      setRefusal(undefined);
    } else if (result === null) focusFirstError();
  };
  const discard = () => {
    setDraft(draftOf(saved));
    setAttempted(false);
    setRefusal(undefined);
  };
  const change = (next: Partial<WidgetDraft>) => setDraft((d) => ({ ...d, ...next }));
  const onKeyDown = (event: KeyboardEvent) => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "s") {
      event.preventDefault();
      save();
    }
  };
  const sections = { draft, change, errors };

  return (
    <>
      <PageHeader
        title={saved.title}
        back={back}
        description={
          <span class="row">
            {saved.status === "active" ? <Badge tone="good">Active</Badge> : <Badge tone="warn">Paused</Badge>}
            <span class="mono muted">{saved.id}</span>
          </span>
        }
        actions={
          <>
            <a href="#preview-title" class="btn jump-preview">
              Preview
            </a>
            <Link to={`/slots/${saved.id}`} class="btn">
              <Icon name="slots" size={16} /> Slots
            </Link>
          </>
        }
      />
      <div class="editor-layout">
        <form
          ref={form}
          class="editor-form"
          onSubmit={save}
          onKeyDown={onKeyDown}
          noValidate
          aria-label="Widget settings"
        >
          {issues.length > 0 && (
            <div class="notice notice-error error-summary" role="alert">
              <div>
                <p>
                  <strong>Fix {issues.length === 1 ? "this" : "these"} to save:</strong>
                </p>
                <ul>
                  {issues.map((issue) => (
                    <li key={`${issue.path.join(".")}:${issue.message}`}>
                      {pathLabel(issue.path.join("."))}: {issue.message}
                    </li>
                  ))}
                </ul>
              </div>
            </div>
          )}
          <fieldset class="editor-fields" disabled={!canEdit}>
            {!canEdit && <p class="notice">{needsRole("editor")}.</p>}
            <BasicsSection {...sections} />
            <LookSection {...sections} />
            <FormSection {...sections} />
            <ClassSection {...sections} />
            <AfterSection {...sections} />
            <EmbedSection {...sections} />
          </fieldset>
          {canEdit && (
            <div class="save-bar">
              <span class="save-state" role="status">
                {update.busy ? "Saving…" : dirty ? "Unsaved changes" : "All changes saved"}
              </span>
              <div class="row">
                <Button onClick={discard} disabled={!dirty || update.busy}>
                  Discard
                </Button>
                <Button variant="primary" type="submit" busy={update.busy} disabled={!dirty}>
                  Save changes
                </Button>
              </div>
            </div>
          )}
        </form>
        <aside class="editor-aside" aria-label="Preview and snippet">
          <WidgetPreview draft={draft} saved={saved} slots={slots} />
          <section class="card" aria-labelledby="snippet-title">
            <div class="card-head">
              <h2 id="snippet-title">Snippet</h2>
            </div>
            <div class="card-body">
              <SnippetsPanel widgetId={saved.id} title={saved.title} />
            </div>
          </section>
        </aside>
      </div>
    </>
  );
}
