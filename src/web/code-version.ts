import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';

/**
 * A digest of what renders the answers: the running code, the views and the static files. Part
 * of every ETag, so that a page cached before a deploy is not answered 304 after it. The same
 * build gives the same digest on every instance.
 */
export function codeVersion(): string {
  const code = join(__dirname, '..'); // dist/src, or src when run by the tests
  const root = basename(join(code, '..')) === 'dist' ? join(code, '..', '..') : join(code, '..');
  const hash = createHash('sha256');
  for (const dir of [code, join(root, 'views'), join(root, 'public')])
    for (const file of filesIn(dir)) hash.update(file).update(readFileSync(file));
  return hash.digest('hex').slice(0, 16);
}

function filesIn(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile())
    .sort();
}
