// Names that hold documentation in any repository or folder: README, LICENSE, CHANGELOG… and Markdown,
// reStructuredText or AsciiDoc files. A `cron.d/README.md` kept beside the jobs it describes is prose, not a
// crontab; linted as one it gave an error on every sentence (and "rename it" advice that would make cron read it).
const DOCUMENTATION = /^(README|LICEN[CS]E|COPYING|CHANGELOG|CHANGES|NOTICE|AUTHORS|CONTRIBUTING)(\.[A-Za-z0-9]+)?$|\.(md|markdown|rst|adoc)$/i;

export function isDocumentationName(name: string): boolean {
  return DOCUMENTATION.test(name);
}
