/** @module The flags Node runs a Slotbook server with: `npm start`, the fleet example's instances, the benchmark's servers. */

/**
 * A young generation of 64 MB a semi-space (V8's default is 16 MB). A booking's objects live across its wait on the
 * database, and with 50 requests waiting at once the default size copies many of them at every scavenge, every
 * ~60 ms under load. Measured with `npm run bench`, every server with these flags: PostgreSQL bookings ~5–15% more
 * req/s and ~40 µs less CPU each; it costs memory (the peak RSS column of the bench).
 */
export const SERVER_NODE_FLAGS: readonly string[] = ["--max-semi-space-size=64"];
