/** @module The flags Node runs a Slotbook server with: `npm start`, the fleet example's instances, the benchmark's servers. */

/**
 * A young generation of 64 MB a semi-space (V8's default is 16 MB). A booking's objects live across its wait on the
 * database, and with 50 requests waiting at once the default size copies many of them at every scavenge, every
 * ~60 ms under load. In two 10-turn A/B runs of `npm run bench` (one Slotbook with the flag, one without): PostgreSQL
 * bookings 7–8% more req/s for 13–39 µs less CPU each, SQLite 2%; it costs memory (the bench's peak MB column).
 */
export const SERVER_NODE_FLAGS: readonly string[] = ["--max-semi-space-size=64"];
