using L2R.Api.Features.Agreements;
using L2R.Api.Infrastructure.Data;
using L2R.Domain.Scoring;
using Mediator;

namespace L2R.Api.Features.Leads.GetLeadScore;

public sealed record GetLeadScoreQuery(Guid LeadId) : IQuery<ScoreBreakdownDto>;

/// <summary>The score as the active agreement computes it now, line by line.</summary>
public sealed record ScoreBreakdownDto(int Fit, int Engagement, int Total, int AgreementVersion, IReadOnlyList<ScoreItem> Items);

public sealed class GetLeadScoreHandler(L2RDbContext db, AgreementStore agreements, TimeProvider clock) : IQueryHandler<GetLeadScoreQuery, ScoreBreakdownDto>
{
    public async ValueTask<ScoreBreakdownDto> Handle(GetLeadScoreQuery query, CancellationToken ct)
    {
        var lead = await db.FindLeadAsync(query.LeadId, ct);
        var active = await agreements.GetActiveAsync(ct);
        var score = ScoreCalculator.Compute(active.Agreement.Scoring, await db.FactsAsync(lead, clock.GetUtcNow().UtcDateTime, ct));
        return new ScoreBreakdownDto(score.Fit, score.Engagement, score.Total, active.Version, score.Items);
    }
}
