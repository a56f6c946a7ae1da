namespace L2R.Domain.Leads;

/// <summary>A person moving through the lead-to-revenue process; its <see cref="State"/> changes only through <see cref="LeadWorkflow"/>.</summary>
public sealed class Lead : Common.ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TenantId { get; set; }
    public LeadState State { get; set; } = LeadState.Raw;

    /// <summary>Optimistic concurrency token, bumped on every write.</summary>
    public int Version { get; set; } = 1;

    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? Email { get; set; }

    /// <summary>Lower-cased email: the per-tenant duplicate check compares this.</summary>
    public string? NormalizedEmail { get; set; }
    public string? Phone { get; set; }
    public string? Title { get; set; }
    public string? Company { get; set; }
    public string? Website { get; set; }
    public string? Industry { get; set; }
    public string? Country { get; set; }
    public int? CompanySize { get; set; }
    public decimal? AnnualRevenue { get; set; }
    public string? Source { get; set; }
    public string? Campaign { get; set; }
    public Guid? OwnerId { get; set; }

    public bool Budget { get; set; }
    public bool Authority { get; set; }
    public bool Need { get; set; }
    public bool Timeline { get; set; }

    public decimal? Amount { get; set; }
    public DateTime? ExpectedCloseDate { get; set; }

    public int FitScore { get; set; }
    public int EngagementScore { get; set; }
    public int TotalScore { get; set; }

    public Dictionary<string, string> CustomFields { get; set; } = [];

    /// <summary>The agreement version that last scored this lead and applied its auto-advance; activation re-scores every lead below it.</summary>
    public int AgreementVersion { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime StageEnteredAt { get; set; }

    public string DisplayName =>
        string.Join(' ', new[] { FirstName, LastName }.Where(s => !string.IsNullOrWhiteSpace(s))) is { Length: > 0 } name
            ? name
            : Email ?? "(no name)";

    public bool IsChecked(ChecklistItem item) => item switch
    {
        ChecklistItem.Budget => Budget,
        ChecklistItem.Authority => Authority,
        ChecklistItem.Need => Need,
        ChecklistItem.Timeline => Timeline,
        _ => false,
    };

    /// <summary>A detached copy for what-if evaluation (simulating a draft agreement) that must not touch the real lead.</summary>
    public Lead Copy()
    {
        var copy = (Lead)MemberwiseClone();
        copy.CustomFields = new Dictionary<string, string>(CustomFields);
        return copy;
    }

    public void ApplyScore(Scoring.ScoreBreakdown score)
    {
        FitScore = score.Fit;
        EngagementScore = score.Engagement;
        TotalScore = score.Total;
    }
}
