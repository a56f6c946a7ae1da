using L2R.Api.Infrastructure.Data;

namespace L2R.Api.Features.Notifications;

public sealed record NotificationDto(Guid Id, NotificationKind Kind, Guid LeadId, Guid? ClockId, string Message, DateTime CreatedAt, DateTime? ReadAt)
{
    public static NotificationDto From(Notification n) => new(n.Id, n.Kind, n.LeadId, n.ClockId, n.Message, n.CreatedAt, n.ReadAt);
}

/// <summary>The caller's notifications, newest first, and how many are unread (the bell's number).</summary>
public sealed record NotificationListDto(IReadOnlyList<NotificationDto> Items, int UnreadCount);
