using FluentValidation;
using L2R.Api.Features.Leads.ListLeads;
using L2R.Api.Infrastructure.Data;
using L2R.Domain.Leads;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Leads.ListDuplicates;

public enum DuplicateReason
{
    /// <summary>The same mailbox: emails equal but for a <c>+tag</c> (the tenant's emails are otherwise unique).</summary>
    SameEmail,

    /// <summary>The same name at the same company, ignoring case and surrounding spaces.</summary>
    SameNameAndCompany,
}

public sealed record DuplicateGroupDto(DuplicateReason Reason, string Key, IReadOnlyList<LeadSummaryDto> Leads);

/// <summary>Leads that are probably one person, in groups, the largest first: what the duplicates view offers to merge.</summary>
public sealed record ListDuplicatesQuery(int Take = 50) : IQuery<IReadOnlyList<DuplicateGroupDto>>;

public sealed class ListDuplicatesValidator : AbstractValidator<ListDuplicatesQuery>
{
    public ListDuplicatesValidator() => RuleFor(q => q.Take).InclusiveBetween(1, 200);
}

/// <summary>
/// Names and companies are grouped in SQL; emails with a <c>+tag</c> (few in any tenant) are read and grouped by their
/// mailbox in memory, since the tag's position has no portable SQL. Each group lists its leads as the list shows them.
/// </summary>
public sealed class ListDuplicatesHandler(L2RDbContext db) : IQueryHandler<ListDuplicatesQuery, IReadOnlyList<DuplicateGroupDto>>
{
    public async ValueTask<IReadOnlyList<DuplicateGroupDto>> Handle(ListDuplicatesQuery query, CancellationToken ct)
    {
        var byName = await db.Leads.AsNoTracking()
            .Where(l => l.Company != null && (l.FirstName != null || l.LastName != null))
            .GroupBy(l => new { Name = l.DisplayName.ToLower(), Company = l.Company!.Trim().ToLower() })
            .Where(g => g.Count() > 1)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key.Name)
            .Take(query.Take)
            .Select(g => new { g.Key.Name, g.Key.Company })
            .ToListAsync(ct);
        var groups = new List<(DuplicateReason Reason, string Key, List<Guid> Ids)>();
        foreach (var group in byName)
        {
            var ids = await db.Leads.AsNoTracking()
                .Where(l => l.DisplayName.ToLower() == group.Name && l.Company!.Trim().ToLower() == group.Company)
                .Select(l => l.Id)
                .ToListAsync(ct);
            groups.Add((DuplicateReason.SameNameAndCompany, $"{group.Name} at {group.Company}", ids));
        }

        var tagged = await db.Leads.AsNoTracking().Where(l => l.NormalizedEmail != null && l.NormalizedEmail.Contains("+"))
            .Select(l => new { l.Id, Email = l.NormalizedEmail! }).ToListAsync(ct);
        var mailboxes = tagged.Select(t => Mailbox(t.Email)).Distinct().ToList();
        var plain = await db.Leads.AsNoTracking().Where(l => l.NormalizedEmail != null && mailboxes.Contains(l.NormalizedEmail))
            .Select(l => new { l.Id, Email = l.NormalizedEmail! }).ToListAsync(ct);
        groups.AddRange(tagged.Concat(plain).DistinctBy(l => l.Id)
            .GroupBy(l => Mailbox(l.Email))
            .Where(g => g.Count() > 1)
            .Select(g => (DuplicateReason.SameEmail, g.Key, g.Select(l => l.Id).ToList())));

        var leadIds = groups.SelectMany(g => g.Ids).Distinct().ToList();
        var leads = await db.Leads.AsNoTracking().Where(l => leadIds.Contains(l.Id))
            .Select(l => new { Lead = l, OwnerName = db.Users.Where(u => u.Id == l.OwnerId).Select(u => u.DisplayName).FirstOrDefault() })
            .ToDictionaryAsync(r => r.Lead.Id, r => ListLeadsHandler.ToSummary(r.Lead, r.OwnerName), ct);
        return groups
            .OrderByDescending(g => g.Ids.Count).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take(query.Take)
            .Select(g => new DuplicateGroupDto(g.Reason, g.Key, g.Ids.Select(id => leads[id]).OrderBy(l => l.CreatedAt).ToList()))
            .ToList();
    }

    /// <summary>The address without its <c>+tag</c>: ann+news@x.example is ann@x.example.</summary>
    private static string Mailbox(string email)
    {
        var at = email.LastIndexOf('@');
        var plus = email.IndexOf('+');
        return plus > 0 && plus < at ? email[..plus] + email[at..] : email;
    }
}
