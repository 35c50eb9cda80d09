/** @module The Slotbook widget as a component: mounted into a ref on mount, unmounted on cleanup. */
import { useEffect, useRef } from "preact/hooks";
import { mount, type SlotbookEvents } from "slotbook/widget";

interface Props {
  /** The Slotbook server, e.g. `https://book.example.com`. */
  api: string;
  widget: string;
  /** Called with the event's detail: ids and the slot, never the visitor's personal data. */
  onBooked: (detail: SlotbookEvents["booked"]) => void;
}

/** Renders the booking widget; changing `api` or `widget` mounts a fresh one, leaving the page unmounts it. */
export function BookingWidget({ api, widget, onBooked }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  // The latest callback, so a new function from the parent does not remount the widget.
  const booked = useRef(onBooked);
  booked.current = onBooked;

  useEffect(() => {
    const element = ref.current!;
    const mounted = mount(element, { api, widget });
    // Events arrive on the widget's element (and on window); listening on the element keeps several apart.
    const listener = (event: Event) => booked.current((event as CustomEvent<SlotbookEvents["booked"]>).detail);
    element.addEventListener("slotbook:booked", listener);
    return () => {
      element.removeEventListener("slotbook:booked", listener);
      mounted.unmount(); // stops its requests too
    };
  }, [api, widget]);

  return <div ref={ref} />;
}
