/**
 * Which files make the workspace's plan: every `.okr` file below the workspace folders, except
 * in dot-folders and `node_modules` — the same rule as the `okr` command line, so the editor and
 * CI see one plan. (Langium's default also skips folders named `out`.)
 */
import { DefaultWorkspaceManager, UriUtils, type FileSystemNode } from 'langium';

/** Folders that are never part of a plan: dot-folders (tools, VCS) and dependencies. */
export function isSkippedFolder(name: string): boolean {
    return name.startsWith('.') || name === 'node_modules';
}

/** A plan file of a folder: `.okr`, in any case (`PLAN.OKR` too). */
export function isPlanFileName(name: string): boolean {
    return name.toLowerCase().endsWith('.okr');
}

export class OkrWorkspaceManager extends DefaultWorkspaceManager {
    /**
     * The first build validates every document, open or not, so the Problems panel lists the whole
     * plan's findings as soon as the folder opens, as `okr check` does (Langium's default does not).
     */
    override initialBuildOptions = { validation: true };

    override shouldIncludeEntry(entry: FileSystemNode): boolean {
        const name = UriUtils.basename(entry.uri);
        if (entry.isDirectory) return !isSkippedFolder(name);
        return !name.startsWith('.') && entry.isFile && isPlanFileName(name);
    }
}
