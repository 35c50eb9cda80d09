/**
 * @module Modal dialogs on the native `<dialog>` (focus trap, Esc, the top layer, no inline style: fine under a strict
 * CSP): `Modal` for forms and one-time secrets, and `confirmAction()`, which asks before anything destructive and
 * says what will happen.
 */
import { type ComponentChildren, Fragment, h } from "preact";
import { useEffect, useId, useRef, useState } from "preact/hooks";
import { Button } from "./button.js";

interface ModalProps {
  open: boolean;
  title: string;
  /** Called on Esc, the close button and a click on the backdrop. */
  onClose: () => void;
  children: ComponentChildren;
  /** Buttons at the bottom, e.g. Cancel and the action. */
  footer?: ComponentChildren;
  size?: "sm" | "md" | "lg";
  /** An alert dialog (a confirmation) is announced as one. */
  role?: "dialog" | "alertdialog";
}

/** A modal dialog, shown with `showModal()` while `open`; focus goes back to what opened it on close. */
export function Modal({ open, title, onClose, children, footer, size = "md", role }: ModalProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      // happy-dom and old engines may lack showModal; the open attribute still shows it.
      if (typeof dialog.showModal === "function") dialog.showModal();
      else dialog.setAttribute("open", "");
    } else if (!open && dialog.open) dialog.close();
  }, [open]);
  const cancel = (event: Event) => {
    event.preventDefault();
    onClose();
  };
  const backdrop = (event: MouseEvent) => {
    if (event.target === ref.current) onClose();
  };
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the click is on the backdrop; the keyboard's way out is Esc (onCancel).
    <dialog
      ref={ref}
      class={`modal modal-${size}`}
      aria-labelledby={titleId}
      role={role === "alertdialog" ? "alertdialog" : undefined}
      onCancel={cancel}
      onClick={backdrop}
    >
      {open && (
        <div class="modal-box">
          <div class="modal-head">
            <h2 id={titleId} class="modal-title">
              {title}
            </h2>
            <button type="button" class="icon-btn" aria-label="Close" onClick={onClose}>
              ×
            </button>
          </div>
          <div class="modal-body">{children}</div>
          {footer && <div class="modal-foot">{footer}</div>}
        </div>
      )}
    </dialog>
  );
}

/** What `confirmAction` asks. */
export interface ConfirmOptions {
  /** A question naming the thing: "Cancel Ada Lovelace's booking?" */
  title: string;
  /** What will happen, in words: who is told, what is lost for good. */
  body: ComponentChildren;
  /** The button that does it, a verb: "Cancel booking", "Erase for good". */
  confirmLabel: string;
  /** The other button; default "Keep it" style wording is the caller's: "Don't cancel". */
  cancelLabel?: string;
  /** Red confirm button for what cannot be undone (default true). */
  danger?: boolean;
}

type Pending = ConfirmOptions & { resolve: (ok: boolean) => void };
let show: ((pending: Pending) => void) | undefined;

/**
 * Asks before an action; resolves true when the user confirms. Needs `<ConfirmHost />` in the page (the app has one).
 * @example if (await confirmAction({ title: "Revoke this key?", body: "…", confirmLabel: "Revoke key" })) revoke();
 */
export function confirmAction(options: ConfirmOptions): Promise<boolean> {
  return new Promise((resolve) => {
    if (!show) throw new Error("confirmAction needs <ConfirmHost /> in the page");
    show({ ...options, resolve });
  });
}

/** Where `confirmAction`'s dialog renders; one per app. */
export function ConfirmHost() {
  const [pending, setPending] = useState<Pending | undefined>();
  useEffect(() => {
    show = (next) => setPending(next);
    return () => {
      show = undefined;
    };
  }, []);
  const answer = (ok: boolean) => {
    pending?.resolve(ok);
    setPending(undefined);
  };
  return (
    <Modal
      open={pending !== undefined}
      title={pending?.title ?? ""}
      onClose={() => answer(false)}
      size="sm"
      role="alertdialog"
      footer={
        <>
          <Button onClick={() => answer(false)}>{pending?.cancelLabel ?? "Go back"}</Button>
          <Button variant={pending?.danger === false ? "primary" : "danger"} onClick={() => answer(true)}>
            {pending?.confirmLabel ?? "Confirm"}
          </Button>
        </>
      }
    >
      <div class="confirm-body">{pending?.body}</div>
    </Modal>
  );
}
