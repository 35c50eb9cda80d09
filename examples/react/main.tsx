/**
 * @module A Preact app (React works the same with `react-dom`) that shows the Slotbook widget inside a component and
 * reacts to `slotbook:booked` in its own UI. `?api=` and `?widget=` override the defaults below.
 */
import { render } from "preact";
import { useState } from "preact/hooks";
import { BookingWidget } from "./booking-widget.js";

const query = new URLSearchParams(location.search);
const API = query.get("api") ?? "http://localhost:8787";
const WIDGET = query.get("widget") ?? "wgt_demo";

function App() {
  const [bookingId, setBookingId] = useState<string>();
  const [open, setOpen] = useState(true);
  return (
    <main>
      <h1>Studio app</h1>
      {bookingId && (
        <p class="thanks" role="status">
          Thanks, booking {bookingId} confirmed
        </p>
      )}
      <button type="button" onClick={() => setOpen(!open)}>
        {open ? "Hide booking" : "Book a class"}
      </button>
      {open && <BookingWidget api={API} widget={WIDGET} onBooked={(detail) => setBookingId(detail.bookingId)} />}
    </main>
  );
}

render(<App />, document.getElementById("app")!);
