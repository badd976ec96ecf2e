/** "Record check-in" over every KPI and key result (spec §11); it runs the client's command with the name and the proposed period. */
import type { LangiumDocument } from 'langium';
import type { CodeLensProvider } from 'langium/lsp';
import type { CodeLens } from 'vscode-languageserver';
import * as ast from '../generated/ast.js';
import type { Messages } from '../i18n/messages.js';
import type { OkrServices } from '../okr-module.js';
import { checkinTargetName, checkinTargetsOf, proposedCheckinPeriod } from './checkin-edit.js';
import { RECORD_CHECKIN_COMMAND } from './checkin-protocol.js';
import { checkinProblemWords } from './checkin-words.js';

export class OkrCodeLensProvider implements CodeLensProvider {
    private readonly messages: Messages;

    constructor(services: OkrServices) {
        this.messages = services.i18n.Messages;
    }

    provideCodeLens(document: LangiumDocument): CodeLens[] {
        const plan = document.parseResult.value;
        if (!ast.isPlan(plan)) return [];
        const title = checkinProblemWords(this.messages.language).recordCheckin;
        const lenses: CodeLens[] = [];
        for (const target of checkinTargetsOf(plan)) {
            const name = checkinTargetName(target);
            if (!name || !target.$cstNode) continue;
            const line = target.$cstNode.range.start.line;
            lenses.push({
                range: { start: { line, character: 0 }, end: { line, character: 0 } },
                command: { title, command: RECORD_CHECKIN_COMMAND, arguments: [{ name, proposedPeriod: proposedCheckinPeriod(target) }] }
            });
        }
        return lenses;
    }
}
