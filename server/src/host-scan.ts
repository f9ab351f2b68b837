// The host's schedule, read in the background: built once the server starts (with a progress notification)
// and again after a scheduling file is saved, for every host the workspace shows (host-view.ts). Cross-file
// findings (a timer and a cron job running the same program) are kept per host path, so they can be added
// to the diagnostics of whichever of those files is open.
import type { Connection } from 'vscode-languageserver/node';
import { HostFacts } from './engine/host/facts';
import { MAX_FOLDER_FILES } from './engine/host/host';
import { translate } from './engine/i18n/catalog';
import { buildHostInventory } from './engine/schedule/inventory';
import { hostScheduleFindings } from './engine/schedule/host-findings';
import type { HostInventory } from './engine/schedule/model';
import type { CronDialect, Finding, Locale, SeveritySetting } from './engine/types';
import type { HostView, HostViews } from './host-view';
import { warnUser } from './warn-user';

export interface HostScanOptions {
  locale: Locale;
  dialect?: CronDialect;
  severities: Record<string, SeveritySetting>;
}

interface ScannedHost {
  inventory: HostInventory;
  findings: Map<string, Finding[]>;
}

export class HostScan {
  private scanned = new Map<string, ScannedHost>();
  private generation = 0;
  private readonly warned = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly views: HostViews,
  ) {}

  /** Forgets everything (scanning turned off, or the workspace is not trusted). */
  clear(): void {
    this.generation++;
    this.scanned.clear();
  }

  /** Reads every host of the workspace again; resolves when done. Later calls supersede earlier ones. */
  async refresh(options: HostScanOptions): Promise<void> {
    const generation = ++this.generation;
    const progress = await this.connection.window.createWorkDoneProgress();
    progress.begin(translate(options.locale, 'server.progress.hostScan'), undefined, undefined, false);
    try {
      // Let pending requests (the editor's first diagnostics, hovers) go first.
      await new Promise((resolve) => setTimeout(resolve, 0));
      const scanned = new Map<string, ScannedHost>();
      for (const view of this.views.all()) {
        if (generation !== this.generation) return;
        try {
          scanned.set(view.root, this.scan(view, options));
        } catch (error) {
          this.connection.console.error(`schedlint: reading the schedule of ${view.root} failed: ${(error as Error).stack ?? error}`);
        }
      }
      if (generation === this.generation) this.scanned = scanned;
    } finally {
      progress.done();
    }
  }

  private scan(view: HostView, options: HostScanOptions): ScannedHost {
    const facts = new HostFacts(view.host, options.dialect);
    const inventory = buildHostInventory(facts);
    // A folder of more files than the scan takes (host.ts MAX_FOLDER_FILES): say what was skipped, once per
    // folder and count (the scan runs again after every save).
    for (const folder of inventory.crowdedFolders ?? []) {
      const key = `${view.root}\0${folder.path}\0${folder.count}`;
      if (this.warned.has(key)) continue;
      this.warned.add(key);
      const params = { path: folder.path, count: folder.count, limit: MAX_FOLDER_FILES, skipped: folder.count - MAX_FOLDER_FILES };
      warnUser(this.connection, `schedlint: ${translate(options.locale, 'file/too-large.folder', params)}`);
    }
    const findings = hostScheduleFindings(inventory, { from: Date.now(), locale: options.locale, severities: options.severities });
    return { inventory, findings };
  }

  findingsFor(view: HostView, hostPath: string): Finding[] {
    return this.scanned.get(view.root)?.findings.get(hostPath) ?? [];
  }

  inventory(view: HostView): HostInventory | undefined {
    return this.scanned.get(view.root)?.inventory;
  }
}
