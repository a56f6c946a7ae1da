using L2R.Domain.Agreements;
using L2R.Domain.Calendars;
using L2R.Domain.Common;
using L2R.Domain.Leads;

namespace L2R.Api.Infrastructure.Data;

public sealed class Tenant
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string Name { get; set; }
    public required string Slug { get; set; }
    public DateTime CreatedAt { get; set; }
}

public sealed class User : ITenantOwned, IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TenantId { get; set; }
    public required string Email { get; set; }
    public required string NormalizedEmail { get; set; }
    public required string DisplayName { get; set; }
    public string PasswordHash { get; set; } = "";
    public Roles Roles { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTime CreatedAt { get; set; }
    public int Version { get; set; } = 1;
}

/// <summary>A rotating refresh token; only its hash is stored. Tokens of one login share a family so a replay can revoke them all.</summary>
public sealed class RefreshToken : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TenantId { get; set; }
    public Guid UserId { get; set; }
    public Guid FamilyId { get; set; }
    public required string TokenHash { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? UsedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}

public enum ActivationStatus
{
    Running,
    Completed,
    Failed,
}

/// <summary>The background re-scoring after a version becomes active; resumable because it only picks leads still below the version.</summary>
public sealed class AgreementActivation : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TenantId { get; set; }
    public Guid AgreementVersionId { get; set; }
    public int Version { get; set; }
    public ActivationStatus Status { get; set; }
    public int Total { get; set; }
    public int Processed { get; set; }
    public int Moved { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? CompletedAt { get; set; }
    public Guid? StartedBy { get; set; }
    public string? Error { get; set; }
}

/// <summary>One edited field of a lead: who changed it, from what, to what.</summary>
public sealed class LeadChange : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TenantId { get; set; }
    public Guid LeadId { get; set; }
    public required string Field { get; set; }
    public string? OldValue { get; set; }
    public string? NewValue { get; set; }
    public Guid? ChangedBy { get; set; }

    /// <summary>The API client that made the change, when an integration made it.</summary>
    public Guid? ChangedByClientId { get; set; }
    public DateTime ChangedAt { get; set; }

    /// <summary>The CSV import run that made the change; undoing the run restores <see cref="OldValue"/>.</summary>
    public Guid? ImportRunId { get; set; }
}

/// <summary>The tenant's working time; a tenant without one works on <see cref="BusinessCalendar.Default"/>.</summary>
public sealed class TenantCalendar : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TenantId { get; set; }
    public string TimeZone { get; set; } = BusinessCalendar.DefaultTimeZone;
    public List<WorkingDay> Hours { get; set; } = [];
    public List<DateOnly> Holidays { get; set; } = [];
    public DateTime UpdatedAt { get; set; }
    public Guid? UpdatedBy { get; set; }

    public BusinessCalendar ToCalendar() => new() { TimeZone = TimeZone, Hours = Hours, Holidays = Holidays };
}

/// <summary>A user's own working hours (none: the tenant's calendar) and out-of-office periods; routing reads these.</summary>
public sealed class UserAvailability : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TenantId { get; set; }
    public Guid UserId { get; set; }
    public List<WorkingDay>? Hours { get; set; }
    public List<OutOfOffice> OutOfOffice { get; set; } = [];
    public DateTime UpdatedAt { get; set; }
}

public enum NotificationKind
{
    SlaWarning,
    SlaBreach,

    /// <summary>Routing found nobody who could act within the SLA: the team lead hears of it as the lead is assigned.</summary>
    RoutingEscalation,

    /// <summary>A lead was given to this user after its owner missed the SLA.</summary>
    LeadReassigned,
}

/// <summary>An in-app message to one user; at most one per clock, kind and user, so a warning or breach reaches each person once.</summary>
public sealed class Notification : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TenantId { get; set; }
    public Guid UserId { get; set; }
    public NotificationKind Kind { get; set; }
    public Guid LeadId { get; set; }
    public Guid? ClockId { get; set; }
    public required string Message { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ReadAt { get; set; }
}
