using FluentValidation;
using L2R.Api.Infrastructure.Auth;
using L2R.Api.Infrastructure.Data;
using L2R.Domain.Leads;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Leads.ListLeads;

/// <summary>A page of the list: by <see cref="Cursor"/> when given (keyset, what the list page uses), else by page number.</summary>
public sealed record ListLeadsQuery(LeadListFilter Filter, LeadSortField Sort, SortOrder Order, int Page = 1, int PageSize = 50, string? Cursor = null) : IQuery<LeadPageDto>;

public sealed record LeadSummaryDto(
    Guid Id,
    string Name,
    string? Email,
    string? Company,
    string? Title,
    LeadState State,
    int TotalScore,
    int FitScore,
    int EngagementScore,
    Guid? OwnerId,
    string? OwnerName,
    string? Source,
    string? Campaign,
    DateTime StageEnteredAt,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    int Version);

/// <summary><c>nextCursor</c> continues after the last item in the same order; null on the last page.</summary>
public sealed record LeadPageDto(IReadOnlyList<LeadSummaryDto> Items, int Total, int Page, int PageSize, string? NextCursor);

public sealed class LeadListFilterValidator : AbstractValidator<LeadListFilter>
{
    public LeadListFilterValidator()
    {
        RuleForEach(f => f.Stages).IsInEnum().OverridePropertyName("stage");
        RuleFor(f => f.MaxScore).GreaterThanOrEqualTo(f => f.MinScore).When(f => f.MinScore is not null && f.MaxScore is not null)
            .WithMessage("maxScore must not be below minScore.");
        RuleFor(f => f.CreatedTo).GreaterThan(f => f.CreatedFrom).When(f => f.CreatedFrom is not null && f.CreatedTo is not null)
            .WithMessage("createdTo must be after createdFrom.");
        RuleFor(f => f.UpdatedTo).GreaterThan(f => f.UpdatedFrom).When(f => f.UpdatedFrom is not null && f.UpdatedTo is not null)
            .WithMessage("updatedTo must be after updatedFrom.");
        RuleFor(f => f.Board.Text).MaximumLength(200).OverridePropertyName("text");
    }
}

public sealed class ListLeadsValidator : AbstractValidator<ListLeadsQuery>
{
    public ListLeadsValidator()
    {
        RuleFor(q => q.Filter).SetValidator(new LeadListFilterValidator()).OverridePropertyName(string.Empty);
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1);
        RuleFor(q => q.PageSize).InclusiveBetween(1, 200);
        RuleFor(q => q.Sort).IsInEnum();
        RuleFor(q => q.Order).IsInEnum();
        RuleFor(q => q.Cursor)
            .Must((q, cursor) => LeadCursor.Decode(cursor) is { } decoded && decoded.Sort == q.Sort && decoded.Order == q.Order)
            .When(q => q.Cursor is not null)
            .WithMessage("The cursor is not one this list gave out for this sort and order.");
    }
}

public sealed class ListLeadsHandler(L2RDbContext db, ICurrentUser user) : IQueryHandler<ListLeadsQuery, LeadPageDto>
{
    public async ValueTask<LeadPageDto> Handle(ListLeadsQuery query, CancellationToken ct)
    {
        var leads = query.Filter.Apply(db.Leads.AsNoTracking(), user.UserId);
        var total = await leads.CountAsync(ct);
        var ordered = LeadSort.Order(LeadCursor.Decode(query.Cursor) is { } cursor ? LeadSort.After(leads, cursor) : leads, query.Sort, query.Order);
        if (query.Cursor is null)
        {
            ordered = ordered.Skip((query.Page - 1) * query.PageSize);
        }

        // One row more than the page tells whether another page follows.
        var rows = await ordered
            .Take(query.PageSize + 1)
            .Select(l => new { Lead = l, OwnerName = db.Users.Where(u => u.Id == l.OwnerId).Select(u => u.DisplayName).FirstOrDefault() })
            .ToListAsync(ct);
        var page = rows.Take(query.PageSize).ToList();
        var next = rows.Count > query.PageSize ? LeadSort.CursorAfter(page[^1].Lead, query.Sort, query.Order).Encode() : null;
        return new LeadPageDto(page.Select(r => ToSummary(r.Lead, r.OwnerName)).ToList(), total, query.Page, query.PageSize, next);
    }

    public static LeadSummaryDto ToSummary(Lead l, string? ownerName) => new(
        l.Id, l.DisplayName, l.Email, l.Company, l.Title, l.State, l.TotalScore, l.FitScore, l.EngagementScore, l.OwnerId, ownerName,
        l.Source, l.Campaign, l.StageEnteredAt, l.CreatedAt, l.UpdatedAt, l.Version);
}
