using L2R.Api.Features.Slas;
using L2R.Api.Infrastructure.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Leads.GetLead;

public sealed record GetLeadQuery(Guid LeadId) : IQuery<LeadDto>;

/// <summary>The lead with its score as of now (the stored one is the board's cache), the same computation as its breakdown.</summary>
public sealed class GetLeadHandler(L2RDbContext db, LeadMoves moves) : IQueryHandler<GetLeadQuery, LeadDto>
{
    public async ValueTask<LeadDto> Handle(GetLeadQuery query, CancellationToken ct)
    {
        var row = await db.Leads.AsNoTracking()
            .Where(l => l.Id == query.LeadId)
            .Select(l => new { Lead = l, OwnerName = db.Users.Where(u => u.Id == l.OwnerId).Select(u => u.DisplayName).FirstOrDefault() })
            .FirstOrDefaultAsync(ct)
            ?? throw await db.LeadNotFoundAsync(query.LeadId, ct);
        (await moves.MoverAsync(ct)).Rescore(await moves.FactsAsync(row.Lead, ct));
        return LeadDto.From(row.Lead, row.OwnerName, await db.SummaryAsync(row.Lead.Id, ct));
    }
}
