/** @module The popup: a modal dialog that traps Tab inside, closes on Esc or a click outside, and labels itself. */
import { Component, type ComponentChildren, createRef, h } from "preact";

interface Props {
  /** Id of the element that names the dialog (the widget's title). */
  labelledBy: string;
  /** Classes of the dialog box: it is also the widget's themed root. */
  class: string;
  onClose: () => void;
  children: ComponentChildren;
}

const FOCUSABLE =
  "button:not(:disabled),[href],input:not(:disabled):not([tabindex='-1']),select,textarea,[tabindex='0']";

/** The close button is the widget's own (it knows the language); focus returns to the opener in `popup.tsx`. */
export class Modal extends Component<Props> {
  dialog = createRef<HTMLDivElement>();

  override componentDidMount() {
    this.dialog.current?.focus();
  }

  onKeyDown = (event: KeyboardEvent) => {
    const dialog = this.dialog.current;
    if (event.key === "Escape") {
      event.stopPropagation();
      this.props.onClose();
    } else if ((event.key === "Tab" || event.keyCode === 9) && dialog) {
      // keyCode too: WebKitGTK reports Shift+Tab as key "Unidentified" (GTK's ISO_Left_Tab) with keyCode 9.
      // What Tab can reach: not disabled, not taken out of the order (radios off the roving stop, the honeypot).
      const items = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
        (el) => el.tabIndex >= 0 && !(el as HTMLButtonElement).disabled,
      );
      const root = dialog.getRootNode() as ShadowRoot;
      const at = items.indexOf(root.activeElement as HTMLElement);
      // Wrap at both ends; from the dialog itself (focused on open) Shift+Tab goes to the last item.
      const next = event.shiftKey ? (at <= 0 ? items.length - 1 : -1) : at === items.length - 1 ? 0 : -1;
      if (next >= 0 && items[next]) {
        event.preventDefault();
        items[next].focus();
      }
    }
  };

  override render({ labelledBy, class: className, onClose, children }: Props) {
    return (
      // biome-ignore lint/a11y/noStaticElementInteractions lint/a11y/useKeyWithClickEvents: a click on the backdrop is a mouse shortcut; keyboards have Esc and the close button
      <div
        class="overlay"
        part="overlay"
        onClick={(event) => {
          if (event.target === event.currentTarget) onClose();
        }}
      >
        <div
          ref={this.dialog}
          class={`dialog ${className}`}
          part="dialog root"
          role="dialog"
          aria-modal="true"
          aria-labelledby={labelledBy}
          tabIndex={-1}
          onKeyDown={this.onKeyDown}
        >
          {children}
        </div>
      </div>
    );
  }
}
