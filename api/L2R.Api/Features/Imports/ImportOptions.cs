using System.ComponentModel.DataAnnotations;

namespace L2R.Api.Features.Imports;

public sealed class ImportOptions
{
    public const string Section = "Import";

    /// <summary>The largest CSV file an upload may carry; a larger upload is refused with 413 and nothing is kept.</summary>
    [Range(1, 1024, ErrorMessage = "Import:MaxFileMegabytes must be between 1 and 1024.")]
    public int MaxFileMegabytes { get; set; } = 100;

    /// <summary>How long after it finished an import can be undone.</summary>
    [Range(0, 365, ErrorMessage = "Import:UndoDays must be between 0 and 365.")]
    public int UndoDays { get; set; } = 7;

    /// <summary>
    /// Rows written per transaction on a database server. What a batch holds (its leads, their history, events, clocks
    /// and assignments, the change tracker) is most of an import's memory: 1,000 rows keep it to a few tens of MB, and
    /// the per-batch reads cost little beside the rows.
    /// </summary>
    [Range(100, 50_000, ErrorMessage = "Import:BatchRows must be between 100 and 50000.")]
    public int BatchRows { get; set; } = 1000;

    /// <summary>
    /// Rows written per transaction on SQLite, whose one writer each batch holds to its end (about 3 s for 5,000 rows on
    /// our 2-core machines) and then lets go for a moment, so people's writes meanwhile wait at most one batch. Each
    /// batch also reads the routing state again and commits to the WAL: at 1,000 rows those fixed costs made a
    /// 100,000-row import take about 93 s, at 5,000 between 55 and 64 s.
    /// </summary>
    [Range(100, 50_000, ErrorMessage = "Import:SqliteBatchRows must be between 100 and 50000.")]
    public int SqliteBatchRows { get; set; } = 5000;

    /// <summary>A run whose instance has not renewed its lease for this long is taken over by another (or, after a restart, by this one).</summary>
    [Range(10, 3600, ErrorMessage = "Import:LeaseSeconds must be between 10 and 3600.")]
    public int LeaseSeconds { get; set; } = 60;

    public long MaxFileBytes => MaxFileMegabytes * 1024L * 1024L;
}
