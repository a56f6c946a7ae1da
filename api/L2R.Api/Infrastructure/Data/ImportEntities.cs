using L2R.Domain.Common;
using L2R.Domain.Leads;

namespace L2R.Api.Infrastructure.Data;

public enum ImportKind
{
    Leads,
    Activities,
}

/// <summary>Uploading while the file streams in; Queued until an instance's scheduler takes it; Undone once its changes are taken back.</summary>
public enum ImportStatus
{
    Uploading,
    Queued,
    Running,
    Completed,
    Cancelled,
    Failed,
    Undone,
}

/// <summary>What a row whose email the tenant already has does: nothing, fill the lead's empty fields, or overwrite the mapped ones.</summary>
public enum DuplicatePolicy
{
    Skip,
    FillEmpty,
    Overwrite,
}

/// <summary>A column of the file and the field it goes to (<c>custom.&lt;name&gt;</c> for a custom field); no field ignores the column.</summary>
public sealed record ColumnMapping(string Column, string? Field);

/// <summary>How a pass over the file ended, row by row, and in which stage the created and updated leads landed.</summary>
public sealed record ImportCounts
{
    public int Created { get; init; }
    public int Updated { get; init; }
    public int Skipped { get; init; }
    public int Failed { get; init; }
    public Dictionary<LeadState, int> Stages { get; init; } = [];

    public int Rows => Created + Updated + Skipped + Failed;

    public ImportCounts Add(ImportCounts other) => new()
    {
        Created = Created + other.Created,
        Updated = Updated + other.Updated,
        Skipped = Skipped + other.Skipped,
        Failed = Failed + other.Failed,
        Stages = Stages.Concat(other.Stages).GroupBy(s => s.Key).ToDictionary(g => g.Key, g => g.Sum(s => s.Value)),
    };
}

/// <summary>
/// One CSV import: its file (in <see cref="ImportFileChunk"/> rows, so any instance can run or resume it), the mapping,
/// the duplicate policy, the dry run's counts and the real run's, progress, and the lease of the instance running it.
/// </summary>
public sealed class ImportRun : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TenantId { get; set; }
    public ImportKind Kind { get; set; }
    public required string FileName { get; set; }
    public long FileBytes { get; set; }
    public string Separator { get; set; } = ",";
    public List<string> Header { get; set; } = [];

    /// <summary>The first rows as read, column by column, for the mapping screen.</summary>
    public List<List<string>> Samples { get; set; } = [];
    public List<ColumnMapping> Mapping { get; set; } = [];
    public DuplicatePolicy DuplicatePolicy { get; set; }
    public string? TemplateName { get; set; }

    /// <summary>True while the run only forecasts; starting it for real turns this off and keeps <see cref="DryRunCounts"/>.</summary>
    public bool DryRun { get; set; }
    public ImportStatus Status { get; set; }
    public bool CancelRequested { get; set; }

    /// <summary>Data rows in the file, counted when it is first read through.</summary>
    public int? TotalRows { get; set; }

    /// <summary>Rows of the current pass already committed; a resumed pass continues after them.</summary>
    public int RowsDone { get; set; }
    public ImportCounts? DryRunCounts { get; set; }
    public ImportCounts Counts { get; set; } = new();

    public Guid CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public Guid? StartedBy { get; set; }

    /// <summary>When the real run began; undo leaves alone what people did to its leads after this instant.</summary>
    public DateTime? StartedAt { get; set; }
    public DateTime? CompletedAt { get; set; }

    /// <summary>Since when (and from which row) this instance has been running the pass: the base of rows per second and the ETA.</summary>
    public DateTime? RunningSince { get; set; }
    public int RowsAtRunningSince { get; set; }

    /// <summary>The instance that holds the run and when it last said so; a lease not renewed for a while may be taken over.</summary>
    public string? ClaimedBy { get; set; }
    public DateTime? HeartbeatAt { get; set; }

    public DateTime? UndoneAt { get; set; }
    public Guid? UndoneBy { get; set; }
    public ImportUndoReport? UndoReport { get; set; }
    public string? Error { get; set; }
}

public sealed record LeftAloneLead(Guid LeadId, string Name, string Reason);

public sealed record ImportUndoReport(int Removed, int Restored, int ActivitiesRemoved, int LeftAloneCount, IReadOnlyList<LeftAloneLead> LeftAlone);

/// <summary>A slice of an uploaded file, in order; small enough to read back one at a time.</summary>
public sealed class ImportFileChunk : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TenantId { get; set; }
    public Guid ImportRunId { get; set; }
    public int Index { get; set; }
    public required byte[] Data { get; set; }
}

/// <summary>A row the last pass could not take: its line, the column at fault, why, and the row as it was in the file.</summary>
public sealed class ImportRowError : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TenantId { get; set; }
    public Guid ImportRunId { get; set; }
    public long Line { get; set; }
    public string? Column { get; set; }
    public required string Message { get; set; }
    public required string Raw { get; set; }
}

/// <summary>A named mapping the tenant keeps for files from the same source.</summary>
public sealed class ImportTemplate : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TenantId { get; set; }
    public required string Name { get; set; }
    public ImportKind Kind { get; set; }
    public List<ColumnMapping> Mapping { get; set; } = [];
    public DuplicatePolicy DuplicatePolicy { get; set; }
    public DateTime UpdatedAt { get; set; }
    public Guid? UpdatedBy { get; set; }
}

/// <summary>Who did what to the tenant's data in bulk (an import undone, leads merged), newest first in <c>GET /api/audit</c>.</summary>
public sealed class AuditEntry : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TenantId { get; set; }
    public DateTime At { get; set; }
    public Guid? UserId { get; set; }
    public required string Action { get; set; }
    public required string Subject { get; set; }
    public string? Detail { get; set; }
}

/// <summary>A lead merged into another: its id answers 404 with a pointer to the survivor ever after.</summary>
public sealed class MergedLead : ITenantOwned
{
    /// <summary>The absorbed lead's id, which no lead has any more.</summary>
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid SurvivorId { get; set; }
    public DateTime MergedAt { get; set; }
    public Guid? MergedBy { get; set; }
}
