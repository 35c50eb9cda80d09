/**
 * @module Toasts: short messages after an action ("Booking cancelled"), read out by screen readers from a live region
 * that is always in the page (a region added with its message would not be announced).
 */
import { h } from "preact";
import { useEffect, useState } from "preact/hooks";

/** One message; `error` ones stay until dismissed and are announced assertively. */
export interface ToastMessage {
  id: number;
  text: string;
  kind: "success" | "error";
}

let messages: ToastMessage[] = [];
let nextId = 1;
const listeners = new Set<(list: ToastMessage[]) => void>();

function publish(list: ToastMessage[]): void {
  messages = list;
  for (const listener of listeners) listener(list);
}

/** Removes one message. */
export function dismissToast(id: number): void {
  publish(messages.filter((m) => m.id !== id));
}

/**
 * Shows a message; a success fades after 5 s (WCAG 2.2.1 allows it: it repeats what the page already shows).
 * @example toast("Invite link copied"); toast(describeError(error), "error");
 */
export function toast(text: string, kind: ToastMessage["kind"] = "success"): void {
  const id = nextId++;
  publish([...messages.slice(-3), { id, text, kind }]);
  if (kind === "success") setTimeout(() => dismissToast(id), 5000);
}

/** The live regions the messages appear in; rendered once by the app. */
export function Toaster() {
  const [list, setList] = useState(messages);
  useEffect(() => {
    listeners.add(setList);
    return () => {
      listeners.delete(setList);
    };
  }, []);
  const item = (m: ToastMessage) => (
    <div key={m.id} class={`toast toast-${m.kind}`}>
      <span>{m.text}</span>
      <button type="button" class="toast-close" aria-label="Dismiss message" onClick={() => dismissToast(m.id)}>
        ×
      </button>
    </div>
  );
  return (
    <div class="toasts">
      <div role="status" aria-live="polite">
        {list.filter((m) => m.kind === "success").map(item)}
      </div>
      <div role="alert" aria-live="assertive">
        {list.filter((m) => m.kind === "error").map(item)}
      </div>
    </div>
  );
}
