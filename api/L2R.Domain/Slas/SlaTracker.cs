using L2R.Domain.Agreements;
using L2R.Domain.Calendars;
using L2R.Domain.Leads;

namespace L2R.Domain.Slas;

/// <summary>
/// What a lead's history does to its SLA clocks, applied entry by entry as the mover writes them: entering a term's
/// start stage starts a clock (one open per term), a stop decision meets it, a pausing stage pauses it and coming back
/// resumes it, and leaving any other way ends it. A touch a person recorded meets the clocks whose term names it.
/// </summary>
public static class SlaTracker
{
    /// <summary>Applies one history entry to the lead's open clocks; returns the clocks it started.</summary>
    public static IReadOnlyList<SlaClock> Apply(
        LeadTransition entry, Lead lead, IReadOnlyList<SlaClock> open, IReadOnlyList<SlaTerm> terms, BusinessCalendar calendar)
    {
        var at = entry.OccurredAt;
        foreach (var clock in open.Where(c => c.IsOpen))
        {
            var term = clock.Term;
            if (entry.Trigger is { } trigger && term.StopTriggers.Contains(trigger))
            {
                clock.Stop(at, trigger.ToString(), calendar);
            }
            else if (entry.To == term.StartStage)
            {
                clock.Resume(at, calendar);
            }
            else if (term.PausingStages.Contains(entry.To))
            {
                clock.Pause(at, entry.To);
            }
            else
            {
                clock.End(at, entry.Trigger?.ToString() ?? entry.Kind.ToString(), calendar);
            }
        }

        return terms
            .Where(t => t.StartStage == entry.To && !open.Any(c => c.IsOpen && c.TermId == t.Id))
            .Select(t => SlaClock.Start(lead, t, entry.AgreementVersion, at, calendar))
            .ToList();
    }

    /// <summary>A touch a person recorded at <paramref name="recordedAt"/> (the server's time, not the one they typed) meets the clocks that wait for it.</summary>
    public static IReadOnlyList<SlaClock> Touch(ActivityType type, DateTime recordedAt, IReadOnlyList<SlaClock> open, BusinessCalendar calendar)
    {
        var met = open.Where(c => c.Status == SlaClockStatus.Running && c.Term.StopTouches.Contains(type)).ToList();
        foreach (var clock in met)
        {
            clock.Stop(recordedAt, type.ToString(), calendar);
        }

        return met;
    }
}
