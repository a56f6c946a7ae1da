using L2R.Api.Features.Agreements;
using L2R.Api.Features.Leads.FireTrigger;
using L2R.Api.Infrastructure.Data;
using L2R.Domain.Agreements;
using L2R.Domain.Leads;
using L2R.Domain.Scoring;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Leads.AdvanceLead;

public sealed class AdvanceLeadHandler(L2RDbContext db, AgreementStore agreements, TimeProvider clock, IMediator mediator)
    : ICommandHandler<AdvanceLeadCommand, IReadOnlyList<HistoryEntryDto>>
{
    public async ValueTask<IReadOnlyList<HistoryEntryDto>> Handle(AdvanceLeadCommand command, CancellationToken ct) =>
        await db.InTransactionAsync<IReadOnlyList<HistoryEntryDto>>(async () =>
        {
            var ids = command.LeadIds.Distinct().ToList();
            var leads = await db.Leads.Where(l => ids.Contains(l.Id)).ToListAsync(ct);
            var activities = (await db.LeadActivities.AsNoTracking()
                    .Where(a => ids.Contains(a.LeadId))
                    .Select(a => new { a.LeadId, Fact = new ActivityFact(a.Type, a.OccurredAt, a.Campaign) })
                    .ToListAsync(ct))
                .ToLookup(a => a.LeadId, a => a.Fact);
            var active = await agreements.GetActiveAsync(ct);
            var now = clock.GetUtcNow().UtcDateTime;

            var facts = leads.Select(lead => new LeadFacts(lead, activities[lead.Id].ToList(), now)).ToList();
            foreach (var leadFacts in facts)
            {
                var lead = leadFacts.Lead;
                var score = ScoreCalculator.Compute(active.Agreement.Scoring, leadFacts);
                if (score.Fit != lead.FitScore || score.Engagement != lead.EngagementScore || lead.AgreementVersion != active.Version)
                {
                    lead.ApplyScore(score);
                    lead.AgreementVersion = active.Version;
                }
            }

            await db.SaveChangesAsync(ct);

            var moves = new List<HistoryEntryDto>();
            foreach (var leadFacts in facts)
            {
                var movesOfLead = 0;
                while (movesOfLead < AgreementSimulation.MaxMoves
                    && new LeadWorkflow(active.Agreement, leadFacts, Actor.System).NextAutoAdvance() is { } trigger)
                {
                    var result = await mediator.Send(new FireTriggerCommand(leadFacts.Lead.Id, trigger, BySystem: true), ct);
                    moves.AddRange(result.Transitions);
                    movesOfLead++;
                }
            }

            return moves;
        }, ct);
}
