using System.ComponentModel.DataAnnotations;

namespace L2R.Api.Infrastructure.Scheduling;

public sealed class BoardCountOptions
{
    public const string Section = "BoardCounts";

    /// <summary>
    /// How often the board count changes are folded into the stage counters; 0 turns the fold off (the counts stay
    /// right, the unfiltered board just sums a longer tail of changes).
    /// </summary>
    [Range(0, 3600, ErrorMessage = "BoardCounts:FoldIntervalSeconds must be between 0 (off) and 3600.")]
    public int FoldIntervalSeconds { get; set; } = 10;
}
