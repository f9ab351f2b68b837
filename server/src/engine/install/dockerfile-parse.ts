// Dockerfile syntax as BuildKit's parser reads it (Dockerfile reference: "Parser directives", "Escape",
// "Here-Documents", "Shell and exec form"): instructions over continuation lines (with comment and blank
// lines inside them dropped), the `# escape=` directive, here-document bodies, JSON (exec) form. Each
// instruction keeps a map from its joined text back to file positions. Never throws.
import type { Position, Range } from '../types';
import type { TextMap } from './shell';
import { trimEndOf } from '../util/trim';
import { positionAt } from '../util/line-starts';

export interface Instruction {
  keyword: string;
  /** The arguments with continuation lines joined (escape + newline removed, as BuildKit does). */
  args: string;
  /** Positions of `args` offsets in the file. */
  map: TextMap;
  /** From the keyword to the end of its last line (here-document bodies included). */
  range: Range;
  /** The whole lines, newline included: what removing the instruction deletes. */
  lineRange: Range;
  heredocs: { name: string; body: string; map: TextMap }[];
}

export function parseDockerfile(text: string): Instruction[] {
  const lines = text.split('\n');
  const lineStarts: number[] = [];
  for (let i = 0, offset = 0; i < lines.length; i++) {
    lineStarts.push(offset);
    offset += lines[i].length + 1;
  }
  const positionOf = (offset: number): Position => positionAt(lineStarts, offset);

  let escape = '\\';
  let index = 0;
  // Parser directives: `# name=value` lines at the very top.
  for (; index < lines.length; index++) {
    const directive = lines[index].match(/^#\s*([a-zA-Z]+)\s*=\s*(\S+)\s*$/);
    if (!directive) break;
    if (directive[1].toLowerCase() === 'escape' && (directive[2] === '`' || directive[2] === '\\')) escape = directive[2];
  }

  const instructions: Instruction[] = [];
  while (index < lines.length) {
    const first = lines[index].replace(/\r$/, '');
    if (/^\s*(#|$)/.test(first)) {
      index++;
      continue;
    }
    const keywordMatch = first.match(/^(\s*)([A-Za-z]+)(\s*)/);
    if (!keywordMatch) {
      index++;
      continue;
    }
    const keyword = keywordMatch[2].toUpperCase();
    let args = '';
    const offsets: number[] = [];
    const startLine = index;
    let lineIndex = index;
    let column = keywordMatch[0].length;
    for (;;) {
      const raw = lines[lineIndex].replace(/\r$/, '');
      const trimmed = trimEndOf(raw, ' \t');
      const continued = trimmed.endsWith(escape) && !(escape === '\\' && trimmed.endsWith('\\\\') && false);
      const content = continued ? trimmed.slice(0, -1) : raw;
      for (let c = column; c < content.length; c++) {
        args += content[c];
        offsets.push(lineStarts[lineIndex] + c);
      }
      lineIndex++;
      if (!continued || lineIndex >= lines.length) break;
      // Comment and blank lines inside a continuation are dropped.
      while (lineIndex < lines.length && /^\s*(#.*)?\r?$/.test(lines[lineIndex])) lineIndex++;
      if (lineIndex >= lines.length) break;
      column = 0;
    }
    offsets.push(lineStarts[lineIndex - 1] + lines[lineIndex - 1].replace(/\r$/, '').length);
    const map: TextMap = { position: (offset) => positionOf(offsets[Math.max(0, Math.min(offset, offsets.length - 1))]) };

    const heredocs: Instruction['heredocs'] = [];
    if (keyword === 'RUN' || keyword === 'COPY' || keyword === 'ADD') {
      for (const match of args.matchAll(/<<(-?)(["']?)([A-Za-z_][A-Za-z0-9_]*)\2/g)) {
        const strip = match[1] === '-';
        const name = match[3];
        const bodyOffsets: number[] = [];
        let body = '';
        while (lineIndex < lines.length) {
          const raw = lines[lineIndex].replace(/\r$/, '');
          const line = strip ? raw.replace(/^\t+/, '') : raw;
          const lead = raw.length - line.length;
          lineIndex++;
          if (line === name) break;
          for (let c = 0; c < line.length; c++) {
            body += line[c];
            bodyOffsets.push(lineStarts[lineIndex - 1] + lead + c);
          }
          body += '\n';
          bodyOffsets.push(lineStarts[lineIndex - 1] + raw.length);
        }
        bodyOffsets.push(lineStarts[Math.min(lineIndex, lines.length) - 1] ?? 0);
        heredocs.push({ name, body, map: { position: (offset) => positionOf(bodyOffsets[Math.max(0, Math.min(offset, bodyOffsets.length - 1))]) } });
      }
    }
    const lastLine = lineIndex - 1;
    const endLine = lineIndex < lines.length ? { line: lineIndex, character: 0 } : { line: lastLine, character: lines[lastLine].length };
    instructions.push({
      keyword,
      args,
      map,
      range: { start: { line: startLine, character: keywordMatch[1].length }, end: { line: lastLine, character: lines[lastLine].replace(/\r$/, '').length } },
      lineRange: { start: { line: startLine, character: 0 }, end: endLine },
      heredocs,
    });
    index = lineIndex;
  }
  return instructions;
}

/** Strings of a JSON (exec) form argument list with their offsets, or undefined when it is not one. */
export function jsonForm(args: string): { text: string; start: number; end: number }[] | undefined {
  const trimmed = args.trim();
  if (!trimmed.startsWith('[') || !trimmed.endsWith(']')) return undefined;
  try {
    const parsed: unknown = JSON.parse(trimmed);
    if (!Array.isArray(parsed) || !parsed.every((item) => typeof item === 'string')) return undefined;
  } catch {
    return undefined;
  }
  const items: { text: string; start: number; end: number }[] = [];
  for (const match of args.matchAll(/"(?:[^"\\]|\\.)*"/g)) {
    items.push({ text: JSON.parse(match[0]) as string, start: match.index!, end: match.index! + match[0].length });
  }
  return items;
}
