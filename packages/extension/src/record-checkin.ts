/**
 * "OKR: Record Check-in…" (spec §11): pick a KPI or key result (or come from its code lens), type
 * the period (the current day, week or month proposed) and the value, optionally a cause. The
 * server computes the edit (the one `okr checkin` makes); it is applied here as a workspace edit,
 * so undo works. An argument may fill any step (`{ name, period, value, cause }`): the code lens
 * passes the name and the proposed period, tests pass everything.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { CheckinTargetsRequest, RecordCheckinRequest } from '@okr-plan/language/checkin-protocol';

export interface RecordCheckinArgs {
    name?: string;
    proposedPeriod?: string;
    period?: string;
    value?: string;
    cause?: string;
}

const PERIOD = /^\d{4}-(?:\d{2}(?:-\d{2})?|[Ww]\d{2}|[Qq]\d)$/;
const VALUE = /^\s*(?:\d[\d_ \u00A0]*(?:[.,]\d+)?|[.,]\d+)(?:[eE][+-]?\d+)?\s*$/;

export async function recordCheckin(client: BaseLanguageClient, args: RecordCheckinArgs = {}): Promise<boolean> {
    await client.start(); // the same promise while the server is starting; at once when it runs
    let name = args.name;
    let proposed = args.proposedPeriod;
    if (!name) {
        const targets = await client.sendRequest(CheckinTargetsRequest, {});
        if (targets.length === 0) {
            void vscode.window.showInformationMessage(vscode.l10n.t('The plan has no KPI or key result to record a check-in on.'));
            return false;
        }
        const picked = await vscode.window.showQuickPick(
            targets.map(target => ({
                label: target.name,
                description: target.label,
                detail: target.kind === 'kpi' ? vscode.l10n.t('KPI') : vscode.l10n.t('Key result'),
                target
            })),
            { title: vscode.l10n.t('Record Check-in'), placeHolder: vscode.l10n.t('The KPI or key result the actual is for') }
        );
        if (!picked) return false;
        name = picked.target.name;
        proposed = picked.target.proposedPeriod;
    }
    const period = args.period ?? await vscode.window.showInputBox({
        title: vscode.l10n.t('Record Check-in: {0}', name),
        prompt: vscode.l10n.t('Period: a month 2026-01, an ISO week 2026-W03, a day 2026-01-15 or a quarter 2026-Q1'),
        value: proposed,
        validateInput: text => (PERIOD.test(text.trim()) ? undefined : vscode.l10n.t('Write a month 2026-01, a week 2026-W03, a day 2026-01-15 or a quarter 2026-Q1'))
    });
    if (period === undefined) return false;
    const value = args.value ?? await vscode.window.showInputBox({
        title: vscode.l10n.t('Record Check-in: {0} {1}', name, period.trim().toUpperCase()),
        prompt: vscode.l10n.t('The actual value, in the unit of the KPI or key result'),
        validateInput: text => (VALUE.test(text) ? undefined : vscode.l10n.t('Write a number ≥ 0, such as 24 or 25.5'))
    });
    if (value === undefined) return false;
    const cause = 'value' in args ? args.cause : await vscode.window.showInputBox({
        title: vscode.l10n.t('Record Check-in: {0} {1}', name, period.trim().toUpperCase()),
        prompt: vscode.l10n.t('Cause of a deviation (optional: leave empty for none)')
    });
    if (cause === undefined && !('value' in args)) return false;
    const result = await client.sendRequest(RecordCheckinRequest, { name, period, value, cause: cause === '' ? undefined : cause });
    if (!result.ok) {
        void vscode.window.showErrorMessage(result.message);
        return false;
    }
    if (result.edit) {
        const edit = await client.protocol2CodeConverter.asWorkspaceEdit(result.edit);
        if (!(await vscode.workspace.applyEdit(edit))) {
            void vscode.window.showErrorMessage(vscode.l10n.t('The check-in could not be applied: the file changed meanwhile. Try again.'));
            return false;
        }
    }
    const line = new vscode.Range(result.line, 0, result.line, 0);
    await vscode.window.showTextDocument(vscode.Uri.parse(result.uri), { selection: line, preserveFocus: false });
    vscode.window.setStatusBarMessage(result.outcome === 'unchanged' ? vscode.l10n.t('Check-in unchanged') : result.outcome === 'added' ? vscode.l10n.t('Check-in added') : vscode.l10n.t('Check-in updated'), 4000);
    return true;
}
