/**
 * Turns the plan findings of a document into diagnostics. The findings themselves come from the
 * workspace plan (computed once per workspace state); this class only words and places them.
 */
import type { ValidationAcceptor, ValidationChecks } from 'langium';
import type { OkrAstType, Plan } from '../generated/ast.js';
import type { Messages } from '../i18n/messages.js';
import type { OkrServices } from '../okr-module.js';
import { internalErrorFinding, type PlanWorkspace } from '../plan/plan-workspace.js';
import type { PlanFinding } from '../plan/plan-findings.js';
import type { InternalErrors } from './internal-errors.js';

export function registerValidationChecks(services: OkrServices): void {
    const validator = services.validation.OkrValidator;
    const checks: ValidationChecks<OkrAstType> = {
        Plan: validator.checkPlan.bind(validator)
    };
    services.validation.ValidationRegistry.register(checks, validator);
}

export class OkrValidator {
    private readonly planWorkspace: PlanWorkspace;
    private readonly messages: Messages;
    private readonly internalErrors: InternalErrors;

    constructor(services: OkrServices) {
        this.planWorkspace = services.plan.PlanWorkspace;
        this.messages = services.i18n.Messages;
        this.internalErrors = services.validation.InternalErrors;
    }

    checkPlan(plan: Plan, accept: ValidationAcceptor): void {
        const document = plan.$document;
        if (!document) return;
        let findings: PlanFinding[];
        try {
            findings = this.planWorkspace.findingsOf(document);
        } catch (error) {
            // The workspace plan guards its own steps; this is the last net, so the document still gets a diagnostic.
            findings = [internalErrorFinding(document, this.internalErrors.record(document.uri.toString(), error).message)];
        }
        const { unitLabels } = this.planWorkspace.current();
        for (const finding of findings) {
            const { node, property, keyword, range } = finding.site;
            accept(finding.severity, this.messages.finding(finding, unitLabels), {
                node,
                property,
                keyword,
                range,
                code: finding.code,
                data: { code: finding.code, args: finding.args }
            });
        }
        this.planWorkspace.markPublished(document, findings);
    }
}
