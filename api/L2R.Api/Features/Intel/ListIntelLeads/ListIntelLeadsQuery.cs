using FluentValidation;
using L2R.Api.Infrastructure.Auth;
using L2R.Api.Infrastructure.Data;
using L2R.Domain.Intel;
using L2R.Domain.Leads;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Intel.ListIntelLeads;

/// <summary>The leads behind one count of a roll-up, asked with the same filters and the count's own keys.</summary>
public sealed record ListIntelLeadsQuery(
    IntelParameters Filter,
    Guid? TagId,
    IntelKind? Kind,
    MessageVerdict? Verdict,
    LeadState? Outcome,
    PainSegment? GroupBy,
    string? Group,
    int Page = 1,
    int PageSize = 50) : IQuery<IntelLeadPageDto>, IIntelQuery;

public sealed class ListIntelLeadsValidator : IntelQueryValidator<ListIntelLeadsQuery>
{
    public ListIntelLeadsValidator()
    {
        RuleFor(q => q.Kind).IsInEnum();
        RuleFor(q => q.Verdict).IsInEnum();
        RuleFor(q => q.Outcome).Must(o => o is null or LeadState.Won or LeadState.Lost).WithMessage("Outcome is Won or Lost.");
        RuleFor(q => q.GroupBy).IsInEnum();
        RuleFor(q => q.GroupBy).NotNull().When(q => q.Group is not null).WithMessage("Say which segments the group is one of.");
        RuleFor(q => q.Group).MaximumLength(200);
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1);
        RuleFor(q => q.PageSize).InclusiveBetween(1, 200);
    }
}

/// <summary>
/// The intel records in scope narrowed by the count's keys (a tag, any tag of a kind, a verdict, how the lead ended, its
/// segment), one row per lead with those records and their notes, the lead most recently heard first: the total is the
/// count, since every roll-up counts distinct leads of the same records. A tag of another tenant is 404.
/// </summary>
public sealed class ListIntelLeadsHandler(L2RDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<ListIntelLeadsQuery, IntelLeadPageDto>
{
    public async ValueTask<IntelLeadPageDto> Handle(ListIntelLeadsQuery query, CancellationToken ct)
    {
        var scope = query.Filter.Resolve(clock.GetUtcNow().UtcDateTime, user.UserId);
        var records = IntelRecords.Of(db, scope);
        if (query.TagId is { } tagId)
        {
            await db.FindTagAsync(tagId, ct);
            records = records.Where(r => db.LeadIntelTags.Any(t => t.LeadIntelId == r.Id && t.TagId == tagId));
        }

        if (query.Kind is { } kind)
        {
            records = records.Where(r => db.LeadIntelTags.Any(t => t.LeadIntelId == r.Id && t.Kind == kind));
        }

        if (query.Verdict is { } verdict)
        {
            records = records.Where(r => r.Verdict == verdict);
        }

        if (query.Outcome is { } outcome)
        {
            var ended = db.Leads.Where(l => l.State == outcome).Select(l => l.Id);
            records = records.Where(r => ended.Contains(r.LeadId));
        }

        if (query.GroupBy is { } groupBy)
        {
            var inSegment = IntelSegments.InSegment(db.Leads, groupBy, query.Group?.Trim() ?? "").Select(l => l.Id);
            records = records.Where(r => inSegment.Contains(r.LeadId));
        }

        var leads = records.GroupBy(r => r.LeadId).Select(g => new { LeadId = g.Key, LastHeardAt = g.Max(r => r.RecordedAt) });
        var total = await leads.CountAsync(ct);
        var page = await leads.OrderByDescending(l => l.LastHeardAt).ThenBy(l => l.LeadId)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .ToListAsync(ct);
        var ids = page.Select(p => p.LeadId).ToList();
        var details = await db.Leads.AsNoTracking().Where(l => ids.Contains(l.Id))
            .Select(l => new { l.Id, l.DisplayName, l.Company, l.State, l.Source })
            .ToDictionaryAsync(l => l.Id, ct);
        var heard = (await IntelReads.ReadAsync(db, records.Where(r => ids.Contains(r.LeadId)), ct)).ToLookup(r => r.LeadId);
        var items = page.Select(p =>
            {
                var lead = details[p.LeadId];
                return new IntelLeadDto(lead.Id, lead.DisplayName, lead.Company, lead.State, lead.Source, p.LastHeardAt, heard[p.LeadId].ToList());
            })
            .ToList();
        return new IntelLeadPageDto(items, total, query.Page, query.PageSize);
    }
}
