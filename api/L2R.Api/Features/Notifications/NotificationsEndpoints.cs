using L2R.Api.Features.Notifications.ListNotifications;
using L2R.Api.Features.Notifications.MarkNotificationRead;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace L2R.Api.Features.Notifications;

public static class NotificationsEndpoints
{
    public static void MapNotifications(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/notifications").WithTags("Follow-up").RequireAuthorization();
        group.MapGet("/", ListNotifications).WithName("ListNotifications")
            .WithSummary("Your notifications (SLA warnings and breaches), newest first, with the unread count.")
            .ProducesValidationProblem();
        group.MapPost("/{id:guid}/read", MarkRead).WithName("MarkNotificationRead")
            .WithSummary("Mark one of your notifications read.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Ok<NotificationListDto>> ListNotifications(IMediator mediator, CancellationToken ct, bool unreadOnly = false, int take = 50) =>
        TypedResults.Ok(await mediator.Send(new ListNotificationsQuery(unreadOnly, take), ct));

    private static async Task<Ok<NotificationDto>> MarkRead(Guid id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new MarkNotificationReadCommand(id), ct));
}
