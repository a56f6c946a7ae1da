using CsCheck;
using L2R.Domain.Metrics;

namespace L2R.Domain.Tests;

/// <summary>A lead's stage entries worked out from its rows in any order, against the plain reference's pairing of each row with the next.</summary>
public sealed class StageEntriesTests
{
    [Fact]
    public void Derive_FromRowsInAnyOrder_FindsEachEntrysExitCreationAndPreviousVisit() =>
        Gen.Select(LedgerReference.Histories, Gen.Int).Sample((walks, seed) =>
        {
            var reference = LedgerReference.Entries(walks).ToDictionary(e => (e.LeadId, e.EnteredAt, e.Step));
            var random = new Random(seed);
            var entries = walks.SelectMany((walk, i) => LedgerReference.History(walk, i)).Select(StageEntry.Of).OrderBy(_ => random.Next()).ToList();
            foreach (var lead in entries.GroupBy(e => e.LeadId))
            {
                StageEntries.Derive(lead.ToList());
            }

            foreach (var entry in entries)
            {
                var expected = reference[(entry.LeadId, entry.EnteredAt, entry.Step)];
                Assert.Equal(expected.LeftAt, entry.LeftAt);
                Assert.Equal(expected.ExitTrigger, entry.ExitTrigger);
                Assert.Equal(expected.CreatedAt, entry.LeadCreatedAt);
                var previous = entries
                    .Where(e => e.LeadId == entry.LeadId && e.Stage == entry.Stage && (e.EnteredAt < entry.EnteredAt || (e.EnteredAt == entry.EnteredAt && e.Step < entry.Step)))
                    .MaxBy(e => (e.EnteredAt, e.Step));
                Assert.Equal(previous?.EnteredAt, entry.PreviousVisitAt);
            }
        }, iter: 200);
}
