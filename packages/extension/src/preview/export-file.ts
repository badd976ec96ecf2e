/** Saving an exported diagram: a save dialog next to the plan, then vscode.workspace.fs (works for remote and virtual workspaces too). */
import * as vscode from 'vscode';
import { exportedBytes, type ExportedMessage } from './security.js';

export async function saveExport(message: ExportedMessage, near: vscode.Uri | undefined): Promise<void> {
    const folder = near ? vscode.workspace.getWorkspaceFolder(near)?.uri ?? vscode.Uri.joinPath(near, '..') : vscode.workspace.workspaceFolders?.[0]?.uri;
    const name = `kpi-tree.${message.format}`;
    const target = await vscode.window.showSaveDialog({
        defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
        filters: message.format === 'svg' ? { [vscode.l10n.t('SVG image')]: ['svg'] } : { [vscode.l10n.t('PNG image')]: ['png'] },
        title: message.format === 'svg' ? vscode.l10n.t('Export KPI Tree as SVG') : vscode.l10n.t('Export KPI Tree as PNG')
    });
    if (!target) return;
    try {
        await vscode.workspace.fs.writeFile(target, exportedBytes(message));
    } catch (error) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Could not write {0}: {1}', target.fsPath || target.toString(), (error as Error).message));
        return;
    }
    void vscode.window.setStatusBarMessage(vscode.l10n.t('KPI tree saved to {0}', vscode.workspace.asRelativePath(target)), 5000);
}
