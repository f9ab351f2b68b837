// Turns the crontab-related commands of a shell text (a RUN line, an entrypoint script) into install steps
// and changes to the image's files. Shared by the Dockerfile reader and the script reader.
import type { Range, TextEdit } from '../types';
import { crontabProgramDialect, type CronProgram, type InstallStep } from './model';
import type { ImageFiles } from './image';
import { commandRange, commandRemoval, shellActions, type TextMap } from './shell';
import { splitCommands, type SimpleCommand } from './shell-words';
import { readEchoLines } from './echo-lines';

export interface ShellContext {
  installer: string;
  image: ImageFiles;
  /** Who runs the commands (Dockerfile USER; root otherwise): whose crontab `crontab FILE` replaces. */
  user: string;
  cron?: CronProgram;
  steps: InstallStep[];
  /** Image paths that supercronic or go-crond read in user format: cron's own reading of them does not count. */
  userReads: Set<string>;
}

export function describeCommand(command: SimpleCommand): string {
  const text = command.words.map((word) => word.text).join(' ');
  return text.length > 80 ? text.slice(0, 77) + '…' : text;
}

/** Reads one shell text; `whole` removes the text's whole instruction when it is a single command. */
export function applyShell(text: string, map: TextMap, cwd: string, context: ShellContext, whole?: TextEdit): void {
  if (!/crontab|cron|chmod|chown|supercronic|cp|install|mv|cat/.test(text)) return;
  const commands = splitCommands(text);
  const removalOf = (command: SimpleCommand): TextEdit | undefined => {
    const removal = commandRemoval(command, commands, map);
    return removal === 'whole' ? whole : removal;
  };
  readEchoLines(text, commands, map, context);
  for (const action of shellActions(commands, cwd)) {
    const range: Range = commandRange(action.command, map);
    const description = describeCommand(action.command);
    switch (action.type) {
      case 'place': {
        const source = context.image.resolve(action.source);
        if (!source) break;
        context.image.place(source.repo, action.target, action.targetIsFolder, { installer: context.installer, range, description, removal: removalOf(action.command), mode: action.mode, modeRange: action.mode === undefined ? undefined : range, owner: action.owner });
        break;
      }
      case 'crontab': {
        // Without `-`, only cronie's crontab reads standard input (shell.ts crontabAction): elsewhere the
        // command fails and installs nothing; where the cron is not known, nothing is assumed.
        if (action.withoutOperand && context.cron !== 'cronie') break;
        const source = context.image.resolve(action.file);
        if (!source) break;
        context.steps.push({
          installer: context.installer,
          range,
          source: source.repo,
          target: 'crontab',
          format: 'crontab-user',
          via: 'crontab',
          user: action.user ?? context.user,
          cron: context.cron,
          dialect: crontabProgramDialect(context.cron),
          description,
          removal: action.stdin ? undefined : removalOf(action.command),
        });
        break;
      }
      case 'mode':
        for (const operand of action.paths) {
          for (const placed of context.image.matching(operand)) {
            placed.mode = action.change(placed.mode ?? 0o644);
            placed.modeRange = range;
          }
        }
        break;
      case 'owner':
        for (const operand of action.paths) {
          for (const placed of context.image.matching(operand)) {
            placed.owner = action.owner;
            placed.modeRange = range;
          }
        }
        break;
      case 'read': {
        const source = context.image.resolve(action.file);
        if (!action.system) context.userReads.add(action.file);
        if (!source) break;
        context.steps.push({
          installer: context.installer,
          range,
          source: source.repo,
          target: action.file,
          format: action.system ? 'crontab-system' : 'crontab-user',
          via: action.program,
          user: action.user,
          cron: action.program,
          description,
        });
        break;
      }
    }
  }
}
