/**
 * The custom requests behind the editor's "OKR: Record Check-in…" (spec §11), typed so the client
 * and the server cannot disagree on a method name or a payload. The server computes the edit (the
 * same one `okr checkin` makes); the client applies it as a workspace edit, so undo works.
 */
import { RequestType, type WorkspaceEdit } from 'vscode-languageserver-protocol';

/** The command the code lens runs and the palette offers; its optional argument is a `CheckinTarget`. */
export const RECORD_CHECKIN_COMMAND = 'okr.recordCheckin';

/** A KPI or key result a check-in can be recorded on. */
export interface CheckinTargetInfo {
    /** `PlasterRate`, or `Deliver.Houses` for a key result. */
    name: string;
    kind: 'kpi' | 'keyResult';
    label?: string;
    uri: string;
    /** 0-based line of the declaration. */
    line: number;
    /** The current day, ISO week or month, by the declaration's time unit. */
    proposedPeriod: string;
}

/** Request `okr/checkinTargets`: every KPI and key result of the workspace. */
export const CheckinTargetsRequest = new RequestType<Record<string, never>, CheckinTargetInfo[], void>('okr/checkinTargets');

export interface RecordCheckinParams {
    name: string;
    /** As typed: either case. */
    period: string;
    /** As typed: a decimal point or comma. */
    value: string;
    /** Omitted: keep an existing cause. */
    cause?: string;
}

export type RecordCheckinResult =
    | { ok: true; outcome: 'added' | 'updated' | 'unchanged'; uri: string; line: number; edit?: WorkspaceEdit }
    | { ok: false; message: string };

/** Request `okr/recordCheckin`: the workspace edit that records the check-in; nothing is applied by the server. */
export const RecordCheckinRequest = new RequestType<RecordCheckinParams, RecordCheckinResult, void>('okr/recordCheckin');
