using L2R.Domain.Leads;

namespace L2R.Domain.Metrics;

/// <summary>
/// One history row read as the ledger reads it (docs/decisions/0009): the lead's entry into the row's stage, with what
/// the ledger's window functions would find for it: when and by which move it ended (the lead's next row by time, then
/// step), the lead's first row, the lead's previous entry into the same stage, and the agreement version a cohort
/// counts it under. The row's own columns are copied from it, so a lead's entries alone are enough to work them all
/// out again (<see cref="StageEntries.Derive"/>), whatever order its rows were written in.
/// </summary>
public sealed class StageEntry : Common.ITenantOwned
{
    /// <summary>The id of the history row that made the entry.</summary>
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid LeadId { get; set; }
    public LeadState Stage { get; set; }
    public DateTime EnteredAt { get; set; }
    public int Step { get; set; }

    /// <summary>The move that made the entry (null for a creation).</summary>
    public LeadTrigger? EnteredBy { get; set; }
    public Guid? OwnerId { get; set; }
    public int AgreementVersion { get; set; }

    /// <summary>When the lead's first row was written: its cohort.</summary>
    public DateTime LeadCreatedAt { get; set; }

    /// <summary>When the lead last entered the same stage before this entry; null on its first visit.</summary>
    public DateTime? PreviousVisitAt { get; set; }

    /// <summary>In cohort mode, the version the lead last became an MQL under, up to this entry; before that, the entry's own.</summary>
    public int CohortVersion { get; set; }
    public DateTime? LeftAt { get; set; }
    public LeadTrigger? ExitTrigger { get; set; }

    public static StageEntry Of(LeadTransition row) => new()
    {
        Id = row.Id,
        TenantId = row.TenantId,
        LeadId = row.LeadId,
        Stage = row.To,
        EnteredAt = row.OccurredAt,
        Step = row.Step,
        EnteredBy = row.Trigger,
        OwnerId = row.OwnerId,
        AgreementVersion = row.AgreementVersion,
    };
}

public static class StageEntries
{
    /// <summary>
    /// Sets the derived columns of all of one lead's entries from their own, as the ledger's window functions over the
    /// lead's history rows in (time, step) order would: the previous visit (LAG over the lead's rows of the same
    /// stage), the exit (LEAD), the first row's time (FIRST_VALUE) and the running largest MQL version.
    /// </summary>
    public static void Derive(IReadOnlyCollection<StageEntry> ofOneLead)
    {
        var ordered = ofOneLead.OrderBy(e => e.EnteredAt).ThenBy(e => e.Step).ToList();
        var lastVisit = new Dictionary<LeadState, DateTime>();
        int? mqlVersion = null;
        for (var i = 0; i < ordered.Count; i++)
        {
            var entry = ordered[i];
            var next = i + 1 < ordered.Count ? ordered[i + 1] : null;
            entry.LeadCreatedAt = ordered[0].EnteredAt;
            entry.PreviousVisitAt = lastVisit.TryGetValue(entry.Stage, out var previous) ? previous : null;
            lastVisit[entry.Stage] = entry.EnteredAt;
            if (entry.Stage == LeadState.MQL)
            {
                mqlVersion = Math.Max(mqlVersion ?? entry.AgreementVersion, entry.AgreementVersion);
            }

            entry.CohortVersion = mqlVersion ?? entry.AgreementVersion;
            entry.LeftAt = next?.EnteredAt;
            entry.ExitTrigger = next?.EnteredBy;
        }
    }
}
