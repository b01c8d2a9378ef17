/** An error as the reader reads it: its message, else the thrown value itself. */
export const errorText = (e) => String(e?.message ?? e);
