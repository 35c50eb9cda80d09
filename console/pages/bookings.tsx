/** @module Bookings (`/console/bookings`, `/console/bookings/{id}`): the table with its filters, and one booking. */
import { h } from "preact";
import type { PageProps } from "../lazy-page.js";
import { BookingDetail } from "./bookings/booking-detail.js";
import { BookingList } from "./bookings/booking-list.js";

/** The bookings page: the list, or the booking named by the path. */
export default function BookingsPage({ params }: PageProps) {
  const id = params["*"];
  return id ? <BookingDetail key={id} id={decodeURIComponent(id)} /> : <BookingList />;
}
