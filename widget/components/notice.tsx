/** @module An error the visitor can act on: shown next to what failed, announced, with a retry button when useful. */
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
