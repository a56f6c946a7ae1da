using L2R.Api.Features.Agreements;
using L2R.Api.Features.Leads.FireTrigger;
using L2R.Api.Infrastructure.Data;
using L2R.Domain.Leads;
using L2R.Domain.Scoring;
using Mediator;

namespace L2R.Api.Features.Leads.AdvanceLead;

public sealed class AdvanceLeadHandler(L2RDbContext db, AgreementStore agreements, TimeProvider clock, IMediator mediator)
    : ICommandHandler<AdvanceLeadCommand, IReadOnlyList<HistoryEntryDto>>
{
    /// <summary>The transition table has no auto-advance cycle today; the cap keeps a mis-drafted agreement from looping forever.</summary>
    private const int MaxMoves = 10;

    public async ValueTask<IReadOnlyList<HistoryEntryDto>> Handle(AdvanceLeadCommand command, CancellationToken ct) =>
        await db.InTransactionAsync<IReadOnlyList<HistoryEntryDto>>(async () =>
        {
            var lead = await db.FindLeadAsync(command.LeadId, ct);
            var active = await agreements.GetActiveAsync(ct);
            var facts = await db.FactsAsync(lead, clock.GetUtcNow().UtcDateTime, ct);

            var score = ScoreCalculator.Compute(active.Agreement.Scoring, facts);
            if (score.Fit != lead.FitScore || score.Engagement != lead.EngagementScore)
            {
                lead.ApplyScore(score);
                await db.SaveChangesAsync(ct);
            }

            var moves = new List<HistoryEntryDto>();
            while (moves.Count < MaxMoves
                && new LeadWorkflow(active.Agreement, facts, Actor.System).NextAutoAdvance() is { } trigger)
            {
                var result = await mediator.Send(new FireTriggerCommand(lead.Id, trigger, BySystem: true), ct);
                moves.AddRange(result.Transitions);
            }

            return moves;
        }, ct);
}
