// The project's .schedlint.yaml for the language server's documents (engine/config/project-config.ts reads
// it): what applies to a document on disk, with an invalid file said once per text (log and a warning
// message) and then applying nothing. server.ts merges the result under the editor's own settings.
import type { Connection } from 'vscode-languageserver/node';
import { configProblemText, ProjectConfigReader, type FileConfig } from './engine/config/project-config';
import type { Host } from './engine/host/host';
import type { Locale } from './engine/types';
import { URI } from './uri';
import { warnUser } from './warn-user';

export class ProjectSettings {
  private readonly reader: ProjectConfigReader;
  private readonly said = new Set<string>();

  constructor(
    private readonly connection: Connection,
    host: Host,
  ) {
    this.reader = new ProjectConfigReader(host);
  }

  /** What the nearest config says for the document at `uri` (nothing for an untitled one). */
  forDocument(uri: string, locale: Locale): FileConfig {
    const filePath = URI.toFilePath(uri);
    if (filePath === undefined) return { severities: {}, ignored: false };
    const { config, problems } = this.reader.forFile(filePath);
    if (problems) {
      const text = problems.map((problem) => configProblemText(problem, locale)).join('\n');
      if (!this.said.has(text)) {
        this.said.add(text);
        this.connection.console.warn(text);
        warnUser(this.connection, text);
      }
    }
    return config;
  }
}
