using L2R.Api.Infrastructure.Auth;
using L2R.Api.Infrastructure.Data;
using L2R.Domain.Intel;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Intel.GetReception;

public sealed record GetReceptionQuery(IntelParameters Filter) : IQuery<ReceptionReportDto>, IIntelQuery;

public sealed class GetReceptionValidator : IntelQueryValidator<GetReceptionQuery>;

/// <summary>Per campaign, the distinct leads on which reps heard its message resonate, fall flat or confuse; most heard first.</summary>
public sealed class GetReceptionHandler(L2RDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<GetReceptionQuery, ReceptionReportDto>
{
    public async ValueTask<ReceptionReportDto> Handle(GetReceptionQuery query, CancellationToken ct)
    {
        var scope = query.Filter.Resolve(clock.GetUtcNow().UtcDateTime, user.UserId);
        var rows = await IntelRecords.Of(db, scope)
            .Where(i => i.Verdict != null)
            .Select(i => new { i.Campaign, i.Verdict, i.LeadId })
            .Distinct()
            .ToListAsync(ct);
        int Leads(IEnumerable<Guid> leads) => leads.Distinct().Count();
        var campaigns = rows
            .GroupBy(r => r.Campaign ?? "")
            .Select(g => new CampaignReceptionDto(
                g.Key,
                g.Key.Length == 0 ? "(no campaign)" : g.Key,
                Leads(g.Where(r => r.Verdict == MessageVerdict.Resonated).Select(r => r.LeadId)),
                Leads(g.Where(r => r.Verdict == MessageVerdict.FellFlat).Select(r => r.LeadId)),
                Leads(g.Where(r => r.Verdict == MessageVerdict.Confused).Select(r => r.LeadId)),
                Leads(g.Select(r => r.LeadId))))
            .OrderByDescending(c => c.Total).ThenBy(c => c.Campaign, StringComparer.Ordinal)
            .ToList();
        return new ReceptionReportDto(scope.From, scope.To, campaigns);
    }
}
