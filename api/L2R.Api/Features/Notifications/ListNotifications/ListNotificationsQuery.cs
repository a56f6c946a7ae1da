using FluentValidation;
using L2R.Api.Infrastructure.Auth;
using L2R.Api.Infrastructure.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Notifications.ListNotifications;

public sealed record ListNotificationsQuery(bool UnreadOnly = false, int Take = 50) : IQuery<NotificationListDto>;

public sealed class ListNotificationsValidator : AbstractValidator<ListNotificationsQuery>
{
    public ListNotificationsValidator() => RuleFor(q => q.Take).InclusiveBetween(1, 200);
}

public sealed class ListNotificationsHandler(L2RDbContext db, ICurrentUser user) : IQueryHandler<ListNotificationsQuery, NotificationListDto>
{
    public async ValueTask<NotificationListDto> Handle(ListNotificationsQuery query, CancellationToken ct)
    {
        var me = user.RequiredUserId;
        var mine = db.Notifications.AsNoTracking().Where(n => n.UserId == me);
        var items = await (query.UnreadOnly ? mine.Where(n => n.ReadAt == null) : mine)
            .OrderByDescending(n => n.CreatedAt).ThenBy(n => n.Id)
            .Take(query.Take)
            .ToListAsync(ct);
        return new NotificationListDto(items.Select(NotificationDto.From).ToList(), await mine.CountAsync(n => n.ReadAt == null, ct));
    }
}
