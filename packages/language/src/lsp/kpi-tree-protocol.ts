/**
 * The custom messages between the language server and the editor's preview, typed so the client
 * and the server cannot disagree on a method name or a payload. The preview never parses a plan:
 * it asks the server for the tree the diagnostics were computed from.
 */
import type { KpiTree } from '@okr-plan/preview';
import { NotificationType0, RequestType } from 'vscode-languageserver-protocol';

/**
 * `scenario`: draw the plan under that scenario (spec §9), each moved figure with the plan's beside it; absent for the plan.
 * `compareWith`: a git revision (`HEAD`, `HEAD~1`, `origin/main`, a branch or tag): mark every figure that moved since
 * it, as `okr diff REV` compares; it wins over `scenario` (one question at a time). Only the Node server runs git.
 */
export interface KpiTreeParams {
    scenario?: string;
    compareWith?: string;
}

/**
 * Request `okr/kpiTree`: the KPI tree of the whole workspace as it stands after the latest build
 * (null if it could not be built), with the plan's scenarios for the preview's picker. A
 * scenario the plan does not have gives the plan's tree (`scenario` null). The tree's `compare`
 * says what it was compared with (the short hash) or why it could not be.
 */
export const KpiTreeRequest = new RequestType<KpiTreeParams, KpiTree | null, void>('okr/kpiTree');

/** Notification `okr/planChanged`: a build finished and the tree may have changed; sent after every build. */
export const PlanChangedNotification = new NotificationType0('okr/planChanged');
