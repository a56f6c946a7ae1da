using FluentValidation;
using L2R.Api.Features.Leads;
using L2R.Api.Features.Slas;
using L2R.Api.Infrastructure.Auth;
using L2R.Api.Infrastructure.Data;
using L2R.Domain.Calendars;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Calendars.UpdateCalendar;

public sealed record UpdateCalendarCommand(UpdateCalendarRequest Calendar) : ICommand<CalendarDto>;

public sealed class UpdateCalendarValidator : AbstractValidator<UpdateCalendarCommand>
{
    public UpdateCalendarValidator()
    {
        RuleFor(c => c.Calendar).NotNull();
        RuleFor(c => c.Calendar.TimeZone)
            .Must(BusinessCalendar.IsKnownTimeZone).WithMessage("Give an IANA time zone such as Europe/Berlin.")
            .OverridePropertyName("timeZone");
        RuleFor(c => c.Calendar.WorkingHours).NotNull().NotEmpty().WithMessage("Work on at least one weekday.").OverridePropertyName("workingHours");
        RuleFor(c => c.Calendar.WorkingHours).SetValidator(new WorkingHoursValidator()).When(c => c.Calendar?.WorkingHours is not null).OverridePropertyName("workingHours");
        RuleFor(c => c.Calendar.Holidays!.Count).LessThanOrEqualTo(400).When(c => c.Calendar?.Holidays is not null).OverridePropertyName("holidays");
    }
}

/// <summary>
/// Replaces the tenant's calendar and, in the same transaction, recomputes the warning and due instants of every open
/// SLA clock from its start and pauses, so every clock reads the new calendar and none is recorded twice.
/// </summary>
public sealed class UpdateCalendarHandler(L2RDbContext db, ICurrentUser user, LeadMoves moves, CalendarStore calendars)
    : ICommandHandler<UpdateCalendarCommand, CalendarDto>
{
    public async ValueTask<CalendarDto> Handle(UpdateCalendarCommand command, CancellationToken ct) =>
        await db.InTransactionAsync(async () =>
        {
            var request = command.Calendar;
            var row = await db.Calendars.FirstOrDefaultAsync(ct);
            if (row is null)
            {
                row = new TenantCalendar();
                db.Calendars.Add(row);
            }

            row.TimeZone = request.TimeZone.Trim();
            row.Hours = [.. request.WorkingHours.OrderBy(h => h.Day)];
            row.Holidays = [.. (request.Holidays ?? []).Distinct().Order()];
            row.UpdatedAt = moves.Now;
            row.UpdatedBy = user.UserId;

            var calendar = row.ToCalendar();
            foreach (var clock in await db.OpenClocks().ToListAsync(ct))
            {
                clock.Recompute(calendar);
            }

            await db.SaveChangesAsync(ct);
            calendars.Forget();
            return CalendarDto.From(row);
        }, ct);
}
