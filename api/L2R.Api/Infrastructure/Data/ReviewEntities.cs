using L2R.Domain.Common;
using L2R.Domain.Reviews;

namespace L2R.Api.Infrastructure.Data;

/// <summary>A tenant's review cadence, its participants and the brief's noise thresholds; one row per tenant, set by an admin.</summary>
public sealed class ReviewSettings : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TenantId { get; set; }
    public DayOfWeek Weekday { get; set; }
    public int EveryWeeks { get; set; }
    public DateOnly FirstDate { get; set; }
    public TimeOnly LocalTime { get; set; }
    public List<Guid> Participants { get; set; } = [];
    public int ChangePercent { get; set; } = BriefThresholds.Default.ChangePercent;
    public int MinimumSample { get; set; } = BriefThresholds.Default.MinimumSample;
    public DateTime UpdatedAt { get; set; }
    public Guid? UpdatedBy { get; set; }

    public ReviewCadence Cadence => new(Weekday, EveryWeeks, FirstDate, LocalTime);

    public BriefThresholds Thresholds => new(ChangePercent, MinimumSample);
}

/// <summary>One meeting of the cadence; the next one exists as soon as its time is known, so people can add agenda items to it.</summary>
public sealed class Review : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TenantId { get; set; }

    /// <summary>The meeting's date in the tenant's time zone.</summary>
    public DateOnly LocalDate { get; set; }
    public DateTime StartsAt { get; set; }

    /// <summary>The start of the local day before the meeting: when the scheduled brief is made.</summary>
    public DateTime BriefDueAt { get; set; }
}

/// <summary>A brief as it was generated, frozen: versions count up per review, and regenerating adds one.</summary>
public sealed class ReviewBrief : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TenantId { get; set; }
    public Guid ReviewId { get; set; }
    public int Version { get; set; }
    public DateTime GeneratedAt { get; set; }

    /// <summary>Who asked for it; null for the scheduled brief.</summary>
    public Guid? GeneratedBy { get; set; }

    /// <summary>The brief's JSON (<c>ReviewBriefContent</c>).</summary>
    public string Content { get; set; } = "";
}

public enum ReviewNoteKind
{
    AgendaItem,
    Comment,
}

/// <summary>An agenda item or a comment someone added before (or during) the meeting; only its author changes it.</summary>
public sealed class ReviewNote : ITenantOwned
{
    public const int MaxTextLength = 2000;

    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TenantId { get; set; }
    public Guid ReviewId { get; set; }
    public ReviewNoteKind Kind { get; set; }
    public string Text { get; set; } = "";
    public Guid AuthorId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>
/// What the meeting decided, numbered within the review. A decision with a <see cref="Change"/> became an edit of the
/// agreement draft numbered <see cref="DraftVersion"/>.
/// </summary>
public sealed class ReviewDecision : ITenantOwned
{
    public const int MaxTextLength = 2000;

    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TenantId { get; set; }
    public Guid ReviewId { get; set; }
    public int Number { get; set; }
    public string Text { get; set; } = "";
    public AgreementAmendment? Change { get; set; }
    public int? DraftVersion { get; set; }
    public Guid RecordedBy { get; set; }
    public DateTime RecordedAt { get; set; }
}

public enum ReviewActionStatus
{
    Open,
    Done,
    Dropped,
}

/// <summary>Something a person took on at a review, by a date; the next brief reports what became of it.</summary>
public sealed class ReviewAction : ITenantOwned, IVersioned
{
    public const int MaxTitleLength = 500;

    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TenantId { get; set; }
    public Guid ReviewId { get; set; }
    public string Title { get; set; } = "";
    public Guid OwnerId { get; set; }
    public DateOnly DueDate { get; set; }
    public ReviewActionStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
}
