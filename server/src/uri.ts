// file:// URIs ↔ host paths, without pulling in a URI library: the server only ever needs the `file` scheme.
import { fileURLToPath, pathToFileURL } from 'node:url';

export const URI = {
  /** The host path of a `file:` URI; undefined for `untitled:` and other schemes. */
  toFilePath(uri: string): string | undefined {
    if (!uri.startsWith('file:')) return undefined;
    try {
      return fileURLToPath(uri);
    } catch {
      return undefined;
    }
  },
  fromFilePath(filePath: string): string {
    return pathToFileURL(filePath).href;
  },
};
