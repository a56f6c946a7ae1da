using L2R.Api.Infrastructure.Auth;
using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Web;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Auth.GetMe;

public sealed record GetMeQuery : IQuery<MeDto>;

public sealed class GetMeHandler(L2RDbContext db, ICurrentUser current) : IQueryHandler<GetMeQuery, MeDto>
{
    public async ValueTask<MeDto> Handle(GetMeQuery query, CancellationToken ct)
    {
        var userId = current.RequiredUserId;
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, ct) ?? throw new UnauthorizedException("Your account no longer exists.");
        var tenant = await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == user.TenantId, ct);
        return SessionIssuer.ToMe(user, tenant);
    }
}
