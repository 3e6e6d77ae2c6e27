/** A rendered answer as sent: its body and the headers that describe it. */
export interface StoredAnswer {
  version: number;
  contentType: string;
  disposition: string | null;
  body: Buffer;
  /** The body gzipped, made at the first replay to a client that takes gzip. */
  gzip?: Buffer;
}

/** Answered 304: the client's copy is the answer it would get (the exception filter sends it). */
export class NotModified extends Error {}

/**
 * Answered from the answer cache: these bytes are what the handler would render (the exception
 * filter sends them, gzipped when the client takes it).
 */
export class CachedAnswer extends Error {
  constructor(
    readonly answer: StoredAnswer,
    readonly gzip: () => Buffer,
  ) {
    super('cached answer');
  }
}
