/**
 * The server side of "OKR: Record Check-in…" (spec §11): the list of KPIs and key results to pick
 * from, and the workspace edit that records a check-in, computed by the same `computeCheckinEdit`
 * as `okr checkin`. The server never applies the edit: the client does, so the editor can undo it.
 */
import { DocumentState, UriUtils, type LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Connection } from 'vscode-languageserver';
import * as ast from '../generated/ast.js';
import type { OkrServices } from '../okr-module.js';
import {
    checkinTargetName, checkinTargetNames, checkinTargetsOf, computeCheckinEdit, hasSyntaxErrors, locateCheckinTargets, proposedCheckinPeriod
} from './checkin-edit.js';
import { CheckinTargetsRequest, RecordCheckinRequest, type CheckinTargetInfo, type RecordCheckinParams, type RecordCheckinResult } from './checkin-protocol.js';
import { canonicalPeriod, nearestNames, parseCheckinValue } from './checkin-values.js';
import { checkinProblemWords } from './checkin-words.js';

export function registerCheckinRequests(connection: Connection, shared: LangiumSharedServices, okr: OkrServices): void {
    const ready = async () => {
        await shared.workspace.WorkspaceManager.ready;
        await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Parsed);
        return [...shared.workspace.LangiumDocuments.all];
    };
    connection.onRequest(CheckinTargetsRequest, async () => listTargets(await ready()));
    connection.onRequest(RecordCheckinRequest, async params => recordCheckin(okr, await ready(), params));
}

export function listTargets(documents: LangiumDocument[], today = new Date()): CheckinTargetInfo[] {
    const targets: CheckinTargetInfo[] = [];
    for (const document of documents) {
        const plan = document.parseResult.value;
        if (!ast.isPlan(plan)) continue;
        for (const target of checkinTargetsOf(plan)) {
            const name = checkinTargetName(target);
            if (!name || !target.$cstNode) continue;
            targets.push({
                name,
                kind: ast.isKpi(target) ? 'kpi' : 'keyResult',
                label: target.label,
                uri: document.uri.toString(),
                line: target.$cstNode.range.start.line,
                proposedPeriod: proposedCheckinPeriod(target, today)
            });
        }
    }
    return targets.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export async function recordCheckin(okr: OkrServices, documents: LangiumDocument[], params: RecordCheckinParams): Promise<RecordCheckinResult> {
    const words = checkinProblemWords(okr.i18n.Messages.language);
    const period = canonicalPeriod(String(params.period ?? ''));
    if (!period.ok) return { ok: false, message: words.invalidPeriod(String(params.period ?? ''), period.problem) };
    const value = parseCheckinValue(String(params.value ?? ''));
    if (!value.ok) return { ok: false, message: words.invalidValue(String(params.value ?? ''), value.problem) };
    const name = String(params.name ?? '');
    const found = locateCheckinTargets(documents, name);
    if (found.length === 0) return { ok: false, message: words.unknownName(name, nearestNames(name, checkinTargetNames(documents))) };
    const fileOf = (document: LangiumDocument) => UriUtils.basename(document.uri);
    if (found.length > 1) {
        return { ok: false, message: words.declaredTwice(name, found.map(({ document, target }) => `${fileOf(document)}:${target.$cstNode!.range.start.line + 1}`)) };
    }
    const [{ document, target }] = found;
    if (hasSyntaxErrors(document)) return { ok: false, message: words.syntaxErrors(fileOf(document)) };
    const cause = typeof params.cause === 'string' ? params.cause : undefined;
    const result = await computeCheckinEdit(okr, document, target, { period: period.period, value: value.value, cause });
    const uri = document.uri.toString();
    return {
        ok: true,
        outcome: result.outcome,
        uri,
        line: result.line,
        edit: result.edit ? { changes: { [uri]: [result.edit] } } : undefined
    };
}
