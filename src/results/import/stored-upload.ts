import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';

// An upload waits in import_batch until its preview is confirmed. Kept gzipped (as base64 text,
// in the same column): a 4.5 MB file becomes about 0.8 MB, which the synchronous SQLite driver
// writes and flushes on the request loop in a fifth of the time. Compressing runs in libuv's
// thread pool. Uploads stored before this were kept as they came, without the prefix.

const PREFIX = 'gzip:';
const zip = promisify(gzip);
const unzip = promisify(gunzip);

export async function packUpload(content: string): Promise<string> {
  return PREFIX + (await zip(Buffer.from(content, 'utf8'))).toString('base64');
}

export async function unpackUpload(stored: string): Promise<string> {
  if (!stored.startsWith(PREFIX)) return stored;
  return (await unzip(Buffer.from(stored.slice(PREFIX.length), 'base64'))).toString('utf8');
}
