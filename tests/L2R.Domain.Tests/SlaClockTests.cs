using L2R.Domain.Agreements;
using L2R.Domain.Calendars;
using L2R.Domain.Leads;
using L2R.Domain.Slas;

namespace L2R.Domain.Tests;

public class SlaClockTests
{
    private static readonly BusinessCalendar Calendar = BusinessCalendar.Default;

    private static readonly SlaTerm Response = new()
    {
        Id = "response",
        StartStage = LeadState.MQL,
        StopTriggers = [LeadTrigger.Accept, LeadTrigger.Reject],
        StopTouches = [ActivityType.Call],
        TargetHours = 8,
        PausingStages = [LeadState.Nurture],
    };

    /// <summary>Monday 23 March 2026, in UTC office hours.</summary>
    private static DateTime Monday(int hour) => new(2026, 3, 23, hour, 0, 0, DateTimeKind.Utc);

    private static SlaClock Started(DateTime at, SlaTerm? term = null) => SlaClock.Start(new Lead(), term ?? Response, 3, at, Calendar);

    [Fact]
    public void Start_DueAndWarningOnTheCalendar_WithTheAgreementVersion()
    {
        var clock = Started(Monday(9));

        Assert.Equal((SlaClockStatus.Running, 3, "response"), (clock.Status, clock.AgreementVersion, clock.TermId));
        Assert.Equal(Monday(15), clock.WarnAt);
        Assert.Equal(Monday(17), clock.DueAt);
    }

    [Fact]
    public void CalendarHours_IgnoreTheCalendar()
    {
        var clock = Started(Monday(20), Response with { Basis = SlaTimeBasis.CalendarHours });

        Assert.Equal(Monday(20).AddHours(8), clock.DueAt);
    }

    [Fact]
    public void PauseAndResume_KeepOneContinuousClock_AndAuditThePause()
    {
        var clock = Started(Monday(9));
        clock.Pause(Monday(11), LeadState.Nurture);

        Assert.Equal(SlaClockStatus.Paused, clock.Status);
        Assert.Null(clock.DueAt);

        clock.Resume(Monday(9).AddDays(1), Calendar);

        // Two hours used before the pause; six are left from Tuesday 09:00.
        Assert.Equal(SlaClockStatus.Running, clock.Status);
        Assert.Equal(Monday(15).AddDays(1), clock.DueAt);
        var pause = Assert.Single(clock.Pauses);
        Assert.Equal((Monday(11), Monday(9).AddDays(1), LeadState.Nurture), (pause.PausedAt, pause.ResumedAt, pause.Stage));
    }

    [Fact]
    public void WarningAndBreach_AreEachRecordedOnce_AtTheInstantTheyFellDue()
    {
        var clock = Started(Monday(9));

        Assert.False(clock.Warn(Monday(14)));
        Assert.True(clock.Warn(Monday(16)));
        Assert.False(clock.Warn(Monday(16)));
        Assert.False(clock.Breach(Monday(16)));
        Assert.True(clock.Breach(Monday(18)));
        Assert.False(clock.Breach(Monday(19)));
        Assert.Equal((Monday(15), Monday(17)), (clock.WarnedAt, clock.BreachedAt));
    }

    [Fact]
    public void AStopAfterTheDueTime_RecordsTheBreachItMissed()
    {
        var clock = Started(Monday(9));
        clock.Stop(Monday(18), "Accept", Calendar);

        Assert.Equal((SlaClockStatus.Met, Monday(18), Monday(17), Monday(15)), (clock.Status, clock.StoppedAt, clock.BreachedAt, clock.WarnedAt));
        Assert.False(clock.Breach(Monday(19)));
    }

    [Fact]
    public void Recompute_AfterACalendarChange_MovesTheDueTime_AndKeepsWhatWasRecorded()
    {
        var clock = Started(Monday(9));
        clock.Pause(Monday(11), LeadState.Nurture);
        clock.Resume(Monday(13), Calendar);

        clock.Recompute(Calendar with { Hours = [.. Calendar.Hours.Select(h => h with { Start = new TimeOnly(10, 0), End = new TimeOnly(18, 0) })] });

        // One hour (10–11) used before the pause, seven from 13:00: due 20:00 would be after 18:00, so Tuesday 12:00.
        Assert.Equal(Monday(12).AddDays(1), clock.DueAt);
    }

    [Fact]
    public void Tracker_StartsOnEntry_MeetsOnADecision_AndEndsOnAnyOtherWayOut()
    {
        var lead = new Lead();
        var open = new List<SlaClock>();
        open.AddRange(SlaTracker.Apply(Entry(LeadState.MQL, LeadTrigger.Qualify, Monday(9)), lead, open, [Response], Calendar));
        var clock = Assert.Single(open);

        Assert.Empty(SlaTracker.Apply(Entry(LeadState.SalesAccepted, LeadTrigger.Accept, Monday(10)), lead, open, [Response], Calendar));
        Assert.Equal((SlaClockStatus.Met, "Accept", Monday(10)), (clock.Status, clock.StopReason, clock.StoppedAt));

        var second = SlaTracker.Apply(Entry(LeadState.MQL, LeadTrigger.Qualify, Monday(11)), lead, open, [Response], Calendar).Single();
        SlaTracker.Apply(Entry(LeadState.Disqualified, LeadTrigger.Disqualify, Monday(12)), lead, [second], [Response], Calendar);
        Assert.Equal((SlaClockStatus.Ended, "Disqualify"), (second.Status, second.StopReason));
    }

    [Fact]
    public void Tracker_PausesInAPausingStage_AndResumesOnReturn()
    {
        var lead = new Lead();
        var clock = Started(Monday(9));
        SlaTracker.Apply(Entry(LeadState.Nurture, LeadTrigger.Recycle, Monday(10)), lead, [clock], [Response], Calendar);
        Assert.Equal(SlaClockStatus.Paused, clock.Status);

        var started = SlaTracker.Apply(Entry(LeadState.MQL, LeadTrigger.Qualify, Monday(12)), lead, [clock], [Response], Calendar);

        // One hour used before the pause, seven left from 12:00: five on Monday, two on Tuesday.
        Assert.Empty(started);
        Assert.Equal((SlaClockStatus.Running, Monday(11).AddDays(1)), (clock.Status, clock.DueAt));
    }

    [Fact]
    public void Tracker_ATouchTheTermNames_MeetsTheClockAtTheRecordedTime()
    {
        var clock = Started(Monday(9));

        Assert.Empty(SlaTracker.Touch(ActivityType.EmailOpen, Monday(10), [clock], Calendar));
        Assert.Single(SlaTracker.Touch(ActivityType.Call, Monday(11), [clock], Calendar));
        Assert.Equal((SlaClockStatus.Met, Monday(11), "Call"), (clock.Status, clock.StoppedAt, clock.StopReason));
    }

    private static LeadTransition Entry(LeadState to, LeadTrigger trigger, DateTime at) =>
        new() { To = to, Trigger = trigger, OccurredAt = at, AgreementVersion = 3 };
}
