using FluentValidation;
using L2R.Api.Infrastructure.Auth;
using L2R.Api.Infrastructure.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Calendars.UpdateAvailability;

/// <summary>Replaces a user's availability; no <paramref name="UserId"/> means the caller's own.</summary>
public sealed record UpdateAvailabilityCommand(Guid? UserId, UpdateAvailabilityRequest Availability) : ICommand<AvailabilityDto>;

public sealed class UpdateAvailabilityValidator : AbstractValidator<UpdateAvailabilityCommand>
{
    public UpdateAvailabilityValidator()
    {
        RuleFor(c => c.Availability).NotNull();
        RuleFor(c => c.Availability.WorkingHours!).SetValidator(new WorkingHoursValidator()).When(c => c.Availability?.WorkingHours is not null).OverridePropertyName("workingHours");
        RuleFor(c => c.Availability.OutOfOffice!.Count).LessThanOrEqualTo(100).When(c => c.Availability?.OutOfOffice is not null).OverridePropertyName("outOfOffice");
        RuleForEach(c => c.Availability.OutOfOffice).ChildRules(away =>
        {
            away.RuleFor(a => a.To).GreaterThan(a => a.From).WithMessage("An absence ends after it starts.");
            away.RuleFor(a => a.Note).MaximumLength(200);
        }).When(c => c.Availability?.OutOfOffice is not null).OverridePropertyName("outOfOffice");
    }
}

public sealed class UpdateAvailabilityHandler(L2RDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<UpdateAvailabilityCommand, AvailabilityDto>
{
    public async ValueTask<AvailabilityDto> Handle(UpdateAvailabilityCommand command, CancellationToken ct) =>
        await db.InTransactionAsync(async () =>
        {
            var userId = await AvailabilityTarget.ResolveAsync(db, user, command.UserId, ct);
            var row = await db.Availabilities.FirstOrDefaultAsync(a => a.UserId == userId, ct);
            if (row is null)
            {
                row = new UserAvailability { UserId = userId };
                db.Availabilities.Add(row);
            }

            var request = command.Availability;
            row.Hours = request.WorkingHours is null ? null : [.. request.WorkingHours.OrderBy(h => h.Day)];
            row.OutOfOffice = [.. (request.OutOfOffice ?? []).Select(a => a with { From = a.From.ToUniversalTime(), To = a.To.ToUniversalTime(), Note = a.Note?.Trim() }).OrderBy(a => a.From)];
            row.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
            return AvailabilityDto.From(userId, row);
        }, ct);
}
