/**
 * The custom messages between the language server and the editor's preview. The preview never
 * parses a plan: it asks the server for the tree the diagnostics were computed from.
 */
import type { KpiTree } from '@okr-plan/preview';

/** Request `okr/kpiTree`: the KPI tree of the whole workspace as it stands after the latest build. */
export const KPI_TREE_REQUEST = 'okr/kpiTree';

export type KpiTreeParams = Record<string, never>;
export type KpiTreeResult = KpiTree;

/** Notification `okr/planChanged`: a build finished and the tree may have changed; sent after every build. */
export const PLAN_CHANGED_NOTIFICATION = 'okr/planChanged';
