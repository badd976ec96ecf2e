/**
 * Turns the plan findings of a document into diagnostics. The findings themselves come from the
 * workspace plan (computed once per workspace state); this class only words and places them.
 */
import type { ValidationAcceptor, ValidationChecks } from 'langium';
import type { OkrAstType, Plan } from '../generated/ast.js';
import type { Messages } from '../i18n/messages.js';
import type { OkrServices } from '../okr-module.js';
import type { PlanWorkspace } from '../plan/plan-workspace.js';

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

    constructor(services: OkrServices) {
        this.planWorkspace = services.plan.PlanWorkspace;
        this.messages = services.i18n.Messages;
    }

    checkPlan(plan: Plan, accept: ValidationAcceptor): void {
        const document = plan.$document;
        if (!document) return;
        const findings = this.planWorkspace.findingsOf(document);
        const { unitLabels } = this.planWorkspace.current();
        for (const finding of findings) {
            const { node, property, keyword } = finding.site;
            accept(finding.severity, this.messages.finding(finding, unitLabels), {
                node,
                property,
                keyword,
                code: finding.code,
                data: { code: finding.code, args: finding.args }
            });
        }
        this.planWorkspace.markPublished(document, findings);
    }
}
