using L2R.Api.Infrastructure.Data;
using L2R.Domain.Scoring;
using Mediator;

namespace L2R.Api.Features.Leads.GetLeadScore;

public sealed record GetLeadScoreQuery(Guid LeadId) : IQuery<ScoreBreakdownDto>;

/// <summary>The score as the active agreement computes it now, line by line.</summary>
public sealed record ScoreBreakdownDto(int Fit, int Engagement, int Total, int AgreementVersion, DateTime AsOf, IReadOnlyList<ScoreItem> Items);

public sealed class GetLeadScoreHandler(L2RDbContext db, LeadMoves moves) : IQueryHandler<GetLeadScoreQuery, ScoreBreakdownDto>
{
    public async ValueTask<ScoreBreakdownDto> Handle(GetLeadScoreQuery query, CancellationToken ct)
    {
        var lead = await db.ReadLeadAsync(query.LeadId, ct);
        var mover = await moves.MoverAsync(ct);
        var score = mover.Rescore(await moves.FactsAsync(lead, ct));
        return new ScoreBreakdownDto(score.Fit, score.Engagement, score.Total, mover.AgreementVersion, moves.Now, score.Items);
    }
}
