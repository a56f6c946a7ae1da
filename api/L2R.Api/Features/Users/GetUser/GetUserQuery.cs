using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Web;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Users.GetUser;

public sealed record GetUserQuery(Guid UserId) : IQuery<UserDto>;

public sealed class GetUserHandler(L2RDbContext db) : IQueryHandler<GetUserQuery, UserDto>
{
    public async ValueTask<UserDto> Handle(GetUserQuery query, CancellationToken ct) =>
        UserDto.From(await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == query.UserId, ct) ?? throw new NotFoundException("User", query.UserId));
}
