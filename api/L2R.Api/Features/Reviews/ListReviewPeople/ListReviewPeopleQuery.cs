using L2R.Api.Infrastructure.Data;
using L2R.Domain.Leads;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Reviews.ListReviewPeople;

/// <summary>The tenant's active people by name: whom a review can name as a participant or an action's owner (the user list itself is for Admins).</summary>
public sealed record ListReviewPeopleQuery : IQuery<IReadOnlyList<ReviewPersonDto>>;

public sealed class ListReviewPeopleHandler(L2RDbContext db) : IQueryHandler<ListReviewPeopleQuery, IReadOnlyList<ReviewPersonDto>>
{
    public async ValueTask<IReadOnlyList<ReviewPersonDto>> Handle(ListReviewPeopleQuery query, CancellationToken ct) =>
        (await db.Users.AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName, u.Roles }).ToListAsync(ct))
            .Select(u => new ReviewPersonDto(u.Id, u.DisplayName, RoleSet.ToList(u.Roles)))
            .ToList();
}
