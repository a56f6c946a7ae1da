using FluentValidation;
using L2R.Api.Infrastructure.Auth;
using L2R.Api.Infrastructure.Data;
using L2R.Domain.Leads;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Leads.ListLeads;

public sealed record ListLeadsQuery(LeadState? Stage, LeadFilter Filter, int Page = 1, int PageSize = 50) : IQuery<LeadPageDto>;

public sealed record LeadSummaryDto(Guid Id, string Name, string? Email, string? Company, LeadState State, int TotalScore, Guid? OwnerId, string? OwnerName, string? Source, string? Campaign, DateTime StageEnteredAt, DateTime UpdatedAt);

public sealed record LeadPageDto(IReadOnlyList<LeadSummaryDto> Items, int Total, int Page, int PageSize);

public sealed class ListLeadsValidator : AbstractValidator<ListLeadsQuery>
{
    public ListLeadsValidator()
    {
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1);
        RuleFor(q => q.PageSize).InclusiveBetween(1, 200);
        RuleFor(q => q.Stage).IsInEnum();
    }
}

public sealed class ListLeadsHandler(L2RDbContext db, ICurrentUser user) : IQueryHandler<ListLeadsQuery, LeadPageDto>
{
    public async ValueTask<LeadPageDto> Handle(ListLeadsQuery query, CancellationToken ct)
    {
        var leads = query.Filter.Apply(db.Leads.AsNoTracking(), user.UserId);
        if (query.Stage is { } stage)
        {
            leads = leads.Where(l => l.State == stage);
        }

        var total = await leads.CountAsync(ct);
        var items = await leads
            .OrderByDescending(l => l.UpdatedAt).ThenBy(l => l.Id)
            .Skip((query.Page - 1) * query.PageSize)
            .Take(query.PageSize)
            .Select(l => new LeadSummaryDto(
                l.Id,
                l.DisplayName,
                l.Email,
                l.Company,
                l.State,
                l.TotalScore,
                l.OwnerId,
                db.Users.Where(u => u.Id == l.OwnerId).Select(u => u.DisplayName).FirstOrDefault(),
                l.Source,
                l.Campaign,
                l.StageEnteredAt,
                l.UpdatedAt))
            .ToListAsync(ct);
        return new LeadPageDto(items, total, query.Page, query.PageSize);
    }
}
