using L2R.Api.Infrastructure.Auth;
using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Web;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Notifications.MarkNotificationRead;

public sealed record MarkNotificationReadCommand(Guid NotificationId) : ICommand<NotificationDto>;

/// <summary>Marks one of the caller's notifications read (again is harmless); anyone else's is a 404, like another tenant's.</summary>
public sealed class MarkNotificationReadHandler(L2RDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<MarkNotificationReadCommand, NotificationDto>
{
    public async ValueTask<NotificationDto> Handle(MarkNotificationReadCommand command, CancellationToken ct)
    {
        var me = user.RequiredUserId;
        var notification = await db.Notifications.FirstOrDefaultAsync(n => n.Id == command.NotificationId && n.UserId == me, ct)
            ?? throw new NotFoundException("Notification", command.NotificationId);
        notification.ReadAt ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return NotificationDto.From(notification);
    }
}
