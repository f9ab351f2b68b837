// Watches the bytes a client sends on stdin for the framing errors vscode-jsonrpc's StreamMessageReader cannot
// recover from (LSP 3.17 "Base Protocol": a header part of `Name: value` lines ended by an empty line, with a
// numeric Content-Length, then that many bytes of content). On such an error the reader reports it and then
// waits forever, so the server would stay alive and never answer again, and the client would never restart it.
// We exit instead (non-zero, with the reason on stderr) so the client's restart logic takes over.
// Only the framing is checked here, the same way the reader does (messageReader.js onData, messageBuffer.js
// tryReadHeaders); the content is the reader's business.

/** Longest header part we wait for; real ones are under 100 bytes. */
const MAX_HEADER_BYTES = 64 * 1024;

export function watchFraming(input: NodeJS.ReadableStream, onBroken: (reason: string) => void): void {
  let header: Buffer = Buffer.alloc(0);
  let bodyLeft = 0;
  let broken = false;
  input.on('data', (chunk: Buffer | string) => {
    if (broken) return;
    let data = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    while (data.length > 0) {
      if (bodyLeft > 0) {
        const taken = Math.min(bodyLeft, data.length);
        bodyLeft -= taken;
        data = data.subarray(taken);
        continue;
      }
      header = Buffer.concat([header, data]);
      data = Buffer.alloc(0);
      const end = header.indexOf('\r\n\r\n');
      if (end < 0) {
        if (header.length > MAX_HEADER_BYTES) return fail(`no end of the message header after ${MAX_HEADER_BYTES} bytes`);
        return;
      }
      const reason = contentLength(header.subarray(0, end).toString('ascii'));
      if (typeof reason === 'string') return fail(reason);
      data = header.subarray(end + 4);
      header = Buffer.alloc(0);
      bodyLeft = reason;
    }
  });

  function fail(reason: string): void {
    broken = true;
    onBroken(reason);
  }
}

/** The Content-Length of a header part, or why there is none. */
function contentLength(headerPart: string): number | string {
  let length: string | undefined;
  for (const line of headerPart.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon < 0) return `a message header line without ":" (${JSON.stringify(line.slice(0, 80))})`;
    if (line.slice(0, colon).trim().toLowerCase() === 'content-length') length = line.slice(colon + 1).trim();
  }
  if (!length) return 'a message header without Content-Length';
  const value = parseInt(length, 10);
  if (Number.isNaN(value)) return `a Content-Length that is not a number (${JSON.stringify(length.slice(0, 80))})`;
  return value;
}
