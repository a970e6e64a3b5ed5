/** Files under a folder, at any depth, whose names match: what the tests that read the code itself look through. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export function filesUnder(dir: string, name: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(path, name);
    return name.test(entry.name) ? [path] : [];
  });
}
