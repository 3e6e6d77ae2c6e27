import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Every file under `dir` (at any depth) whose name ends in `ending`, such as ".hbs". */
export function filesEndingIn(dir: string, ending: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? filesEndingIn(join(dir, entry.name), ending)
      : entry.name.endsWith(ending)
        ? [join(dir, entry.name)]
        : [],
  );
}
