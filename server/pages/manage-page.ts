/**
 * @module `/manage/{id}?token=`: the link in every confirmation. The page is a shell for manage.js (widget/manage/),
 * which shows the booking as the widget does, in the visitor's zone and the widget's theme; the booking id and token
 * reach it as data attributes, never in a URL the page loads.
 */
import { html } from "hono/html";

/** The manage page: its script, the element the app mounts into, and a line for browsers without scripts. */
export function managePage(bookingId: string, token: string, scriptUrl: string) {
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="referrer" content="no-referrer"><meta name="color-scheme" content="light dark">
<title>Your booking</title><script type="module" src="${scriptUrl}"></script></head>
<body><main data-slotbook-manage="${bookingId}" data-token="${token}"><noscript>This page needs JavaScript to show
your booking. The confirmation email has its time, place and calendar invite.</noscript></main></body></html>`;
}
