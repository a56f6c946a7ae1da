using L2R.Api.Infrastructure.Auth;
using L2R.Api.Infrastructure.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Calendars.GetAvailability;

/// <summary>A user's availability; no <paramref name="UserId"/> means the caller's own.</summary>
public sealed record GetAvailabilityQuery(Guid? UserId) : IQuery<AvailabilityDto>;

public sealed class GetAvailabilityHandler(L2RDbContext db, ICurrentUser user) : IQueryHandler<GetAvailabilityQuery, AvailabilityDto>
{
    public async ValueTask<AvailabilityDto> Handle(GetAvailabilityQuery query, CancellationToken ct)
    {
        var userId = await AvailabilityTarget.ResolveAsync(db, user, query.UserId, ct);
        return AvailabilityDto.From(userId, await db.Availabilities.AsNoTracking().FirstOrDefaultAsync(a => a.UserId == userId, ct));
    }
}
