// Size limits for a flow and its file: anything larger is refused with a message, never truncated.

/** The whole file, in UTF-8 bytes. */
export const MAX_FILE_BYTES = 10_000_000;
export const MAX_NODES = 5_000;
export const MAX_EDGES = 10_000;
/** Any one string anywhere in the file (names, addresses, bodies, keys). */
export const MAX_STRING_LENGTH = 65_536;
/** Node and edge ids. */
export const MAX_ID_LENGTH = 100;
export const MAX_NAME_LENGTH = 200;
/** Nesting of objects and arrays, counted from the top of the file (a transfer body sits at depth 4). */
export const MAX_DEPTH = 40;
/** Send attempts of one transfer node. */
export const MAX_COUNT = 100_000;
/** Delays (intervalMs, startAfterMs): one day. */
export const MAX_DELAY_MS = 86_400_000;
export const MAX_UINT = 4_294_967_295;
export const MAX_SUBPROTOCOLS = 16;
export const MAX_APPLICATION_PROPERTIES = 200;
