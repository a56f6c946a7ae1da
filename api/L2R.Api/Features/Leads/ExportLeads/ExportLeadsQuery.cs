using System.Globalization;
using System.Runtime.CompilerServices;
using FluentValidation;
using L2R.Api.Features.Leads.ListLeads;
using L2R.Api.Infrastructure.Auth;
using L2R.Api.Infrastructure.Data;
using L2R.Domain.Leads;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Leads.ExportLeads;

/// <summary>Every lead the list's filter matches, in the list's order, as CSV rows.</summary>
public sealed record ExportLeadsQuery(LeadListFilter Filter, LeadSortField Sort, SortOrder Order) : IQuery<LeadExport>;

/// <summary>The header and the rows, read from the database as they are written out: nothing holds the whole export.</summary>
public sealed record LeadExport(IReadOnlyList<string> Columns, IAsyncEnumerable<string?[]> Rows);

public sealed class ExportLeadsValidator : AbstractValidator<ExportLeadsQuery>
{
    public ExportLeadsValidator()
    {
        RuleFor(q => q.Filter).SetValidator(new LeadListFilterValidator()).OverridePropertyName(string.Empty);
        RuleFor(q => q.Sort).IsInEnum();
        RuleFor(q => q.Order).IsInEnum();
    }
}

/// <summary>
/// Two passes over the filter: the custom field names first (one small column), so every custom field gets a column of
/// its own, then the rows. The header names are those the import suggests a mapping for, so an export imports back.
/// </summary>
public sealed class ExportLeadsHandler(L2RDbContext db, ICurrentUser user) : IQueryHandler<ExportLeadsQuery, LeadExport>
{
    public static readonly IReadOnlyList<string> StandardColumns =
    [
        "Id", "First Name", "Last Name", "Email", "Phone", "Title", "Company", "Website", "Industry", "Country", "Company Size",
        "Annual Revenue", "Source", "Campaign", "Stage", "Owner", "Fit Score", "Engagement Score", "Total Score", "Created At",
        "Updated At", "Stage Entered At",
    ];

    public async ValueTask<LeadExport> Handle(ExportLeadsQuery query, CancellationToken ct)
    {
        var leads = query.Filter.Apply(db.Leads.AsNoTracking(), user.UserId);
        var customNames = new SortedSet<string>(StringComparer.Ordinal);
        await foreach (var fields in leads.Select(l => l.CustomFields).AsAsyncEnumerable().WithCancellation(ct))
        {
            customNames.UnionWith(fields.Keys);
        }

        var owners = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var custom = customNames.ToList();
        return new LeadExport([.. StandardColumns, .. custom], RowsAsync(LeadSort.Order(leads, query.Sort, query.Order), owners, custom, ct));
    }

    private static async IAsyncEnumerable<string?[]> RowsAsync(
        IQueryable<Lead> leads, Dictionary<Guid, string> owners, List<string> custom, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var l in leads.AsAsyncEnumerable().WithCancellation(ct))
        {
            var row = new string?[StandardColumns.Count + custom.Count];
            row[0] = l.Id.ToString();
            row[1] = l.FirstName;
            row[2] = l.LastName;
            row[3] = l.Email;
            row[4] = l.Phone;
            row[5] = l.Title;
            row[6] = l.Company;
            row[7] = l.Website;
            row[8] = l.Industry;
            row[9] = l.Country;
            row[10] = l.CompanySize?.ToString(CultureInfo.InvariantCulture);
            row[11] = l.AnnualRevenue?.ToString(CultureInfo.InvariantCulture);
            row[12] = l.Source;
            row[13] = l.Campaign;
            row[14] = l.State.ToString();
            row[15] = l.OwnerId is { } owner ? owners.GetValueOrDefault(owner) : null;
            row[16] = l.FitScore.ToString(CultureInfo.InvariantCulture);
            row[17] = l.EngagementScore.ToString(CultureInfo.InvariantCulture);
            row[18] = l.TotalScore.ToString(CultureInfo.InvariantCulture);
            row[19] = Instant(l.CreatedAt);
            row[20] = Instant(l.UpdatedAt);
            row[21] = Instant(l.StageEnteredAt);
            for (var i = 0; i < custom.Count; i++)
            {
                row[StandardColumns.Count + i] = l.CustomFields.GetValueOrDefault(custom[i]);
            }

            yield return row;
        }
    }

    private static string Instant(DateTime at) => at.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
