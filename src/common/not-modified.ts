/** Answered 304: the client's copy is the answer it would get (the exception filter sends it). */
export class NotModified extends Error {}
