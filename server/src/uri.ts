// file:// URIs ↔ host paths, without pulling in a URI library: the server only ever needs the `file` scheme.
// The URI carries a name's bytes (engine/util/file-names.ts), so a file whose name is not UTF-8 is still found
// from its URI and its findings go back to that same URI.
import * as path from 'node:path';
import { fileUriOf, pathOfFileUri } from './engine/util/file-names';

export const URI = {
  /** The host path of a `file:` URI; undefined for `untitled:` and other schemes. */
  toFilePath(uri: string): string | undefined {
    if (!uri.startsWith('file:')) return undefined;
    return pathOfFileUri(uri);
  },
  fromFilePath(filePath: string): string {
    // Resolved against the working directory, as pathToFileURL does.
    return fileUriOf(path.resolve(filePath));
  },
};
