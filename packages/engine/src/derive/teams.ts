/**
 * Teams and shares (spec §5): each team's headcount and availability, the share of its time each
 * stage gets (explicit, or an equal split of what explicit shares leave), over-allocation and
 * teams that work on no stage.
 */
import type { TeamFigures } from '../analysis.js';
import type { StageInput } from '../model.js';
import { duplicatedNames, type AnalysisContext, type TeamState } from './context.js';

const SHARE_EPSILON = 1e-9;

/** Returns each team's headcount and availability as the plan sets them, in input order. */
export function analyseTeams<S>(ctx: AnalysisContext<S>): TeamFigures[] {
    const figures: TeamFigures[] = [];
    const duplicated = duplicatedNames(ctx.input.teams);
    for (const team of ctx.input.teams) {
        let headcount: number | null = null;
        if (team.broken) headcount = null;
        else if (team.headcount) headcount = ctx.singleQuantity(team.headcount, 'headcount', 'positive');
        else ctx.report('invalid-quantity', 'error', team.nameSite, { what: 'missing-headcount', reason: 'missing', team: team.name });
        const availability = team.availability ? ctx.singleQuantity(team.availability, 'availability', 'fraction') : 1;
        figures.push({ name: team.name, headcount, availability });
        // A duplicated name resolves to neither declaration.
        if (!duplicated.has(team.name)) {
            ctx.teams.set(team.name, { input: team, headcount, availability, explicitShareTotal: 0, explicitShareStages: 0, implicitShareStages: 0, named: false });
        }
    }

    const stages = ctx.input.processes.flatMap(process => process.stages);
    const explicitShares = new Map<StageInput<S>, number | null>();
    for (const stage of stages) {
        if (!stage.team) continue;
        const share = stage.team.share ? ctx.singleQuantity(stage.team.share, 'share', 'fraction') : undefined;
        const team = ctx.teamOf(stage);
        if (!team) continue;
        team.named = true;
        if (share === undefined) {
            team.implicitShareStages += 1;
        } else {
            explicitShares.set(stage, share);
            // An invalid share is reported already and counts for nothing.
            if (share !== null) {
                team.explicitShareTotal += share;
                team.explicitShareStages += 1;
            }
        }
    }
    for (const stage of stages) {
        const team = ctx.teamOf(stage);
        if (!team) continue;
        const explicit = explicitShares.get(stage);
        ctx.stageShares.set(stage, explicit !== undefined ? explicit : implicitShare(team));
    }

    for (const team of ctx.teams.values()) {
        if (team.explicitShareTotal > 1 + SHARE_EPSILON) {
            ctx.report('team-over-allocated', 'error', team.input.nameSite, {
                team: team.input.name,
                totalShare: team.explicitShareTotal,
                stageCount: team.explicitShareStages
            });
        }
        if (!team.named) ctx.report('unused-team', 'hint', team.input.nameSite, { team: team.input.name });
    }
    return figures;
}

/** The team's time not given to explicit shares, split equally among the stages naming it without one. */
function implicitShare<S>(team: TeamState<S>): number {
    const rest = 1 - team.explicitShareTotal;
    if (team.implicitShareStages === 0 || rest <= SHARE_EPSILON) return 0; // shares of 0.3 + 0.7 leave float noise, not time
    return rest / team.implicitShareStages;
}
