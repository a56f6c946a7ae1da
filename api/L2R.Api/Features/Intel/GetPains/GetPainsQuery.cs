using FluentValidation;
using L2R.Api.Infrastructure.Auth;
using L2R.Api.Infrastructure.Data;
using L2R.Domain.Intel;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Intel.GetPains;

public sealed record GetPainsQuery(IntelParameters Filter, PainSegment GroupBy) : IQuery<PainsReportDto>, IIntelQuery;

public sealed class GetPainsValidator : IntelQueryValidator<GetPainsQuery>
{
    public GetPainsValidator()
    {
        RuleFor(q => q.GroupBy).IsInEnum();
    }
}

/// <summary>The pains heard in scope, per segment of the lead as it is now (largest segment first), each counting distinct leads.</summary>
public sealed class GetPainsHandler(L2RDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<GetPainsQuery, PainsReportDto>
{
    public async ValueTask<PainsReportDto> Handle(GetPainsQuery query, CancellationToken ct)
    {
        var scope = query.Filter.Resolve(clock.GetUtcNow().UtcDateTime, user.UserId);
        var rows = await (
                from t in IntelRecords.Mentions(db, scope, IntelKind.Pain)
                join l in db.Leads on t.LeadId equals l.Id
                select new { t.TagId, t.LeadId, l.Industry, l.CompanySize, l.Source })
            .ToListAsync(ct);
        var tagIds = rows.Select(r => r.TagId).Distinct().ToList();
        var tags = await db.IntelTags.AsNoTracking().Where(t => tagIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct);
        var segments = rows
            .GroupBy(r => IntelSegments.KeyOf(query.GroupBy, r.Industry, r.CompanySize, r.Source))
            .Select(segment => new SegmentPainsDto(
                segment.Key,
                IntelSegments.Label(query.GroupBy, segment.Key),
                segment.Select(r => r.LeadId).Distinct().Count(),
                segment.GroupBy(r => r.TagId)
                    .Select(g => new TagFigureDto(g.Key, tags[g.Key].Label, tags[g.Key].RetiredAt is not null, g.Select(r => r.LeadId).Distinct().Count(), g.Count()))
                    .OrderByDescending(p => p.Leads).ThenBy(p => p.Label, StringComparer.OrdinalIgnoreCase)
                    .ToList()))
            .OrderByDescending(s => s.Leads).ThenBy(s => s.Key, StringComparer.Ordinal)
            .ToList();
        return new PainsReportDto(scope.From, scope.To, query.GroupBy, segments);
    }
}
