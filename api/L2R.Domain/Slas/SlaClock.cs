using L2R.Domain.Agreements;
using L2R.Domain.Calendars;
using L2R.Domain.Leads;

namespace L2R.Domain.Slas;

public enum SlaClockStatus
{
    Running,
    Paused,

    /// <summary>Stopped by a decision or a touch the term names: the promise was kept, on time or late.</summary>
    Met,

    /// <summary>The lead left the start stage another way (disqualified, moved on by the system): nothing was owed any more.</summary>
    Ended,
}

/// <summary>
/// One stretch a clock stood still because the lead was in a pausing stage. Its id is left unset until it is saved,
/// so EF takes a pause found through its clock's collection for a new row.
/// </summary>
public sealed class SlaClockPause : Common.ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid ClockId { get; set; }
    public LeadState Stage { get; set; }
    public DateTime PausedAt { get; set; }
    public DateTime? ResumedAt { get; set; }
}

/// <summary>
/// One lead's follow-up promise under one SLA term, started when the lead entered the term's start stage. It keeps
/// the term as the agreement version said it (<see cref="Term"/>, <see cref="AgreementVersion"/>), one continuous
/// time line with an audit of each pause, and the instants it warns and falls due, computed on the tenant's calendar
/// from the start and the pauses alone, so a calendar change recomputes them deterministically. Warning and breach
/// are each recorded once: at the instant they fell due, whenever a check or a stop notices.
/// </summary>
public sealed class SlaClock : Common.ITenantOwned, Common.IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TenantId { get; set; }
    public Guid LeadId { get; set; }
    public required SlaTerm Term { get; set; }
    public string TermId { get; set; } = "";
    public int AgreementVersion { get; set; }
    public SlaClockStatus Status { get; set; }
    public DateTime StartedAt { get; set; }

    /// <summary>Null while paused: the time left is known, the instant it runs out is not.</summary>
    public DateTime? WarnAt { get; set; }

    /// <summary>Null while paused, like <see cref="WarnAt"/>.</summary>
    public DateTime? DueAt { get; set; }
    public DateTime? WarnedAt { get; set; }
    public DateTime? BreachedAt { get; set; }
    public DateTime? StoppedAt { get; set; }

    /// <summary>The decision (a trigger) or touch (an activity type) that stopped the clock, or the move that ended it.</summary>
    public string? StopReason { get; set; }

    /// <summary>Optimistic concurrency token, bumped on every write.</summary>
    public int Version { get; set; } = 1;

    public List<SlaClockPause> Pauses { get; set; } = [];

    public bool IsOpen => Status is SlaClockStatus.Running or SlaClockStatus.Paused;

    public static SlaClock Start(Lead lead, SlaTerm term, int agreementVersion, DateTime at, BusinessCalendar calendar)
    {
        var clock = new SlaClock
        {
            TenantId = lead.TenantId,
            LeadId = lead.Id,
            Term = term,
            TermId = term.Id,
            AgreementVersion = agreementVersion,
            Status = SlaClockStatus.Running,
            StartedAt = at,
        };
        clock.Recompute(calendar);
        return clock;
    }

    public void Pause(DateTime at, LeadState stage)
    {
        if (Status != SlaClockStatus.Running)
        {
            return;
        }

        Status = SlaClockStatus.Paused;
        Pauses.Add(new SlaClockPause { TenantId = TenantId, ClockId = Id, Stage = stage, PausedAt = at });
        WarnAt = DueAt = null;
    }

    public void Resume(DateTime at, BusinessCalendar calendar)
    {
        if (Status != SlaClockStatus.Paused)
        {
            return;
        }

        Pauses.Single(p => p.ResumedAt is null).ResumedAt = at;
        Status = SlaClockStatus.Running;
        Recompute(calendar);
    }

    /// <summary>The promise is kept at <paramref name="at"/>; a stop after the due time records the breach if no check has yet.</summary>
    public void Stop(DateTime at, string reason, BusinessCalendar calendar)
    {
        if (Status == SlaClockStatus.Paused)
        {
            Resume(at, calendar);
        }

        Close(SlaClockStatus.Met, at, reason);
    }

    public void End(DateTime at, string reason, BusinessCalendar calendar)
    {
        if (Status == SlaClockStatus.Paused)
        {
            Resume(at, calendar);
        }

        Close(SlaClockStatus.Ended, at, reason);
    }

    /// <summary>Records the warning once, at the instant it fell due, if that is not after <paramref name="now"/>.</summary>
    public bool Warn(DateTime now)
    {
        if (Status != SlaClockStatus.Running || WarnedAt is not null || WarnAt is not { } warnAt || warnAt > now)
        {
            return false;
        }

        WarnedAt = warnAt;
        return true;
    }

    /// <summary>Records the breach once, at the due instant, if that is not after <paramref name="now"/>.</summary>
    public bool Breach(DateTime now)
    {
        if (Status != SlaClockStatus.Running || BreachedAt is not null || DueAt is not { } dueAt || dueAt > now)
        {
            return false;
        }

        BreachedAt = dueAt;
        return true;
    }

    /// <summary>
    /// The warning and due instants from the start, the pauses and the term alone: the time consumed in each running
    /// stretch is measured on <paramref name="calendar"/> (or the clock, for calendar-hour terms), and what is left
    /// is laid out after the last resume.
    /// </summary>
    public void Recompute(BusinessCalendar calendar)
    {
        if (Status == SlaClockStatus.Paused)
        {
            return;
        }

        var target = TimeSpan.FromHours(Term.TargetHours);
        var warning = TimeSpan.FromTicks(target.Ticks * Term.WarningPercent / 100);
        WarnAt = InstantConsuming(warning, calendar);
        DueAt = InstantConsuming(target, calendar);
    }

    private DateTime InstantConsuming(TimeSpan amount, BusinessCalendar calendar)
    {
        var consumed = TimeSpan.Zero;
        var from = StartedAt;
        foreach (var pause in Pauses.Where(p => p.ResumedAt is not null).OrderBy(p => p.PausedAt))
        {
            var stretch = Elapsed(from, pause.PausedAt, calendar);
            if (consumed + stretch >= amount)
            {
                break;
            }

            consumed += stretch;
            from = pause.ResumedAt!.Value;
        }

        return Term.Basis == SlaTimeBasis.BusinessHours ? calendar.AddBusinessTime(from, amount - consumed) : from + (amount - consumed);
    }

    private TimeSpan Elapsed(DateTime from, DateTime to, BusinessCalendar calendar) =>
        Term.Basis == SlaTimeBasis.BusinessHours ? calendar.BusinessTimeBetween(from, to) : to > from ? to - from : TimeSpan.Zero;

    private void Close(SlaClockStatus status, DateTime at, string reason)
    {
        if (!IsOpen)
        {
            return;
        }

        Breach(at);
        Warn(at);
        Status = status;
        StoppedAt = at;
        StopReason = reason;
    }
}
