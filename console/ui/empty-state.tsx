/** @module What a list shows when it has nothing yet: what would be here, and what to do next. */
import { type ComponentChildren, h } from "preact";

/** An empty state; `action` is the next step (a button or link). */
export function EmptyState({
  title,
  children,
  action,
  icon,
}: {
  title: string;
  children?: ComponentChildren;
  action?: ComponentChildren;
  icon?: ComponentChildren;
}) {
  return (
    <div class="empty">
      {icon && (
        <div class="empty-icon" aria-hidden="true">
          {icon}
        </div>
      )}
      <h2 class="empty-title">{title}</h2>
      {children && <div class="empty-body">{children}</div>}
      {action && <div class="empty-action">{action}</div>}
    </div>
  );
}
