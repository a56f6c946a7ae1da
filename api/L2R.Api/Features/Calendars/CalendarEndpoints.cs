using L2R.Api.Features.Calendars.GetAvailability;
using L2R.Api.Features.Calendars.GetCalendar;
using L2R.Api.Features.Calendars.UpdateAvailability;
using L2R.Api.Features.Calendars.UpdateCalendar;
using L2R.Api.Features.Users;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace L2R.Api.Features.Calendars;

public static class CalendarEndpoints
{
    public static void MapCalendars(this IEndpointRouteBuilder app)
    {
        var calendar = app.MapGroup("/api/calendar").WithTags("Calendar").RequireAuthorization();
        calendar.MapGet("/", GetCalendar).WithName("GetCalendar")
            .WithSummary("The tenant's time zone, working hours per weekday and holidays, on which SLA targets in business hours count.");
        calendar.MapPut("/", UpdateCalendar).WithName("UpdateCalendar").RequireAuthorization(UsersEndpoints.AdminPolicy)
            .WithSummary("Replace the tenant's calendar (Admin); every open SLA clock's due time is recomputed on it.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);

        var mine = app.MapGroup("/api/me/availability").WithTags("Calendar").RequireAuthorization();
        mine.MapGet("/", GetMyAvailability).WithName("GetMyAvailability").WithSummary("Your own working hours and out-of-office periods.");
        mine.MapPut("/", UpdateMyAvailability).WithName("UpdateMyAvailability")
            .WithSummary("Replace your own working hours (null: the tenant's calendar) and out-of-office periods.")
            .ProducesValidationProblem();

        var users = app.MapGroup("/api/users/{id:guid}/availability").WithTags("Calendar").RequireAuthorization(UsersEndpoints.AdminPolicy);
        users.MapGet("/", GetUserAvailability).WithName("GetUserAvailability").WithSummary("A user's working hours and out-of-office periods (Admin).")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        users.MapPut("/", UpdateUserAvailability).WithName("UpdateUserAvailability").WithSummary("Replace a user's working hours and out-of-office periods (Admin).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Ok<CalendarDto>> GetCalendar(IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetCalendarQuery(), ct));

    private static async Task<Ok<CalendarDto>> UpdateCalendar(UpdateCalendarRequest request, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new UpdateCalendarCommand(request), ct));

    private static async Task<Ok<AvailabilityDto>> GetMyAvailability(IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetAvailabilityQuery(null), ct));

    private static async Task<Ok<AvailabilityDto>> UpdateMyAvailability(UpdateAvailabilityRequest request, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new UpdateAvailabilityCommand(null, request), ct));

    private static async Task<Ok<AvailabilityDto>> GetUserAvailability(Guid id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetAvailabilityQuery(id), ct));

    private static async Task<Ok<AvailabilityDto>> UpdateUserAvailability(Guid id, UpdateAvailabilityRequest request, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new UpdateAvailabilityCommand(id, request), ct));
}
