using L2R.Api.Infrastructure.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Users.ListUsers;

public sealed record ListUsersQuery : IQuery<IReadOnlyList<UserDto>>;

public sealed class ListUsersHandler(L2RDbContext db) : IQueryHandler<ListUsersQuery, IReadOnlyList<UserDto>>
{
    public async ValueTask<IReadOnlyList<UserDto>> Handle(ListUsersQuery query, CancellationToken ct) =>
        (await db.Users.AsNoTracking().OrderBy(u => u.DisplayName).ToListAsync(ct)).Select(UserDto.From).ToList();
}
