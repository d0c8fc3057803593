/** A change to one record: which one, and the version its caller last read (If-Match over HTTP). */
export type Change = { id: string; expectedVersion?: number | undefined };
