using L2R.Domain.Leads;

namespace L2R.Domain.Metrics;

/// <summary>
/// The facts the waterfall reads from each history row, derived from the lead's history alone: every row is an entry
/// into its <c>To</c> stage and ends the entry its lead's previous row made (by time, then step). A row carries its own
/// entry's cohort facts (when the lead was created, the version it counts under, its previous visit to the stage) and
/// a copy of those of the entry it ends, with that entry's owner and version, so an entry's whole life reads from one
/// row: the one that ended it, or, while it lasts, its own.
/// </summary>
public static class StageEntryFacts
{
    /// <summary>Stamps every row of one lead's whole history (in any order; they are taken by time, then step).</summary>
    public static void Stamp(IEnumerable<LeadTransition> history)
    {
        var rows = history.OrderBy(r => r.OccurredAt).ThenBy(r => r.Step).ToList();
        var lastVisit = new Dictionary<LeadState, DateTime>();
        int? mqlVersion = null;
        LeadTransition? previous = null;
        foreach (var row in rows)
        {
            row.LeadCreatedAt = rows[0].OccurredAt;

            // Versions only grow, so the largest so far is the one the lead last became an MQL under.
            if (row.To == LeadState.MQL)
            {
                mqlVersion = Math.Max(mqlVersion ?? row.AgreementVersion, row.AgreementVersion);
            }

            row.CohortVersion = mqlVersion ?? row.AgreementVersion;
            row.PreviousVisitAt = lastVisit.TryGetValue(row.To, out var visited) ? visited : null;
            lastVisit[row.To] = row.OccurredAt;
            row.LeftStage = previous?.To;
            row.LeftEnteredAt = previous?.OccurredAt;
            row.LeftStep = previous?.Step;
            row.LeftOwnerId = previous?.OwnerId;
            row.LeftVersion = previous?.AgreementVersion;
            row.LeftCohortVersion = previous?.CohortVersion;
            row.LeftPreviousVisitAt = previous?.PreviousVisitAt;
            previous = row;
        }
    }
}
