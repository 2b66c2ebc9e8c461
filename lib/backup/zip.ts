// Many export files as one download. fflate: small (the zip writer alone is a few kB), dependency-free, and
// synchronous, which suits the options page: no worker to load under the extension's CSP.
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { MarkdownFile } from './markdown';

export function zipFiles(files: MarkdownFile[], modified: Date): Uint8Array {
  const tree: Zippable = {};
  for (const file of files) tree[file.path] = [strToU8(file.text), { mtime: modified }];
  return zipSync(tree, { level: 6 });
}
