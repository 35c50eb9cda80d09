/** @module Inline SVG icons shared by more than one step (decorative: hidden from assistive technology). */
import { h } from "preact";

/** The globe shown before a time zone's name, on the slot step and the confirmation. */
export const GLOBE = (
  <svg width="14" height="14" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" aria-hidden="true">
    <circle cx="12" cy="12" r="10" />
    <path d="M2 12h20M12 2a15 15 0 0 1 0 20 15 15 0 0 1 0-20" />
  </svg>
);
