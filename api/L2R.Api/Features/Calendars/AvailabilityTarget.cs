using L2R.Api.Infrastructure.Auth;
using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Calendars;

internal static class AvailabilityTarget
{
    /// <summary>The user whose availability is meant: the caller (no id), or a user of this tenant (404 otherwise).</summary>
    public static async Task<Guid> ResolveAsync(L2RDbContext db, ICurrentUser user, Guid? userId, CancellationToken ct)
    {
        if (userId is not { } id)
        {
            return user.RequiredUserId;
        }

        return await db.Users.AnyAsync(u => u.Id == id, ct) ? id : throw new NotFoundException("User", id);
    }
}
