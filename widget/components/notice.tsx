/** @module Placeholders for what is not there yet: an error with a way forward, and the loading skeleton. */
import { Fragment, h } from "preact";
import type { Messages } from "../i18n/en.js";

/** What went wrong, and how to try again if trying again can help. */
export interface NoticeState {
  text: string;
  retry?: () => void;
}

/** The notice box (`role="alert"`), or nothing. */
export function Notice({ notice, t }: { notice: NoticeState | undefined; t: Messages }) {
  if (!notice) return null;
  return (
    <div class="notice" role="alert" part="notice">
      <p>{notice.text}</p>
      {notice.retry && (
        <button type="button" class="btn ghost" part="button" onClick={notice.retry}>
          {t.retry}
        </button>
      )}
    </div>
  );
}

/** Grey blocks where the widget will be, and the loading text for screen readers. */
export function Skeleton({ label }: { label: string }) {
  return (
    <>
      <div class="sk" />
      <div class="sk" />
      <div class="sk" />
      <p class="sr" role="status">
        {label}
      </p>
    </>
  );
}
