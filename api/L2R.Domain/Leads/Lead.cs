namespace L2R.Domain.Leads;

/// <summary>A person moving through the lead-to-revenue process; its <see cref="State"/> changes only through <see cref="LeadMover"/>.</summary>
public sealed class Lead : Common.ITenantOwned
{
    private string? _firstName;
    private string? _lastName;
    private string? _email;

    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TenantId { get; set; }
    public LeadState State { get; internal set; } = LeadState.Raw;

    /// <summary>Optimistic concurrency token, bumped on every write.</summary>
    public int Version { get; set; } = 1;

    public string? FirstName
    {
        get => _firstName;
        set => (_firstName, DisplayName) = (value, NameOf(value, _lastName, _email));
    }

    public string? LastName
    {
        get => _lastName;
        set => (_lastName, DisplayName) = (value, NameOf(_firstName, value, _email));
    }

    public string? Email
    {
        get => _email;
        set => (_email, DisplayName) = (value, NameOf(_firstName, _lastName, value));
    }

    /// <summary>
    /// Stored, so the board and the lists sort and search by the same name the lead page shows; EF loads the fields
    /// above through their backing fields, so a loaded lead keeps the stored value.
    /// </summary>
    public string DisplayName { get; private set; } = NoName;

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

    /// <summary>The team routing last sent the lead to: its team lead may decide on it, and its queue holds it while unowned.</summary>
    public Guid? TeamId { get; set; }

    /// <summary>Since when the lead waits, unowned, in <see cref="TeamId"/>'s queue for a member with capacity; null once assigned.</summary>
    public DateTime? QueuedAt { get; set; }

    public bool Budget { get; set; }
    public bool Authority { get; set; }
    public bool Need { get; set; }
    public bool Timeline { get; set; }

    public decimal? Amount { get; set; }
    public DateTime? ExpectedCloseDate { get; set; }

    /// <summary>The stored scores are a cache for sorting and filtering; guards and the lead page use the score as of now.</summary>
    public int FitScore { get; set; }
    public int EngagementScore { get; set; }
    public int TotalScore { get; set; }

    /// <summary>When the stored scores were computed: engagement decays, so they hold as of this instant.</summary>
    public DateTime ScoredAt { get; set; }

    public Dictionary<string, string> CustomFields { get; set; } = [];

    /// <summary>The agreement version that last scored this lead and applied its auto-advance; activation re-scores every lead below it.</summary>
    public int AgreementVersion { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime StageEnteredAt { get; internal set; }

    /// <summary>The sequence number of the lead's latest event, so consumers can order one lead's events and see gaps.</summary>
    public int EventSequence { get; set; }

    private const string NoName = "(no name)";

    /// <summary>First and last name, else the email: the one definition of a lead's name.</summary>
    public static string NameOf(string? firstName, string? lastName, string? email) =>
        string.Join(' ', new[] { firstName, lastName }.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!.Trim())) is { Length: > 0 } name
            ? name
            : string.IsNullOrWhiteSpace(email) ? NoName : email.Trim();

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

    /// <summary>Sets (or, with null, removes) one custom field; a new dictionary, so EF sees the change.</summary>
    public void SetCustomField(string name, string? value)
    {
        var fields = new Dictionary<string, string>(CustomFields);
        if (value is null)
        {
            fields.Remove(name);
        }
        else
        {
            fields[name] = value;
        }

        CustomFields = fields;
    }

    public void ApplyScore(Scoring.ScoreBreakdown score, DateTime at) => ApplyScore(score.Fit, score.Engagement, at);

    public void ApplyScore(int fit, int engagement, DateTime at)
    {
        FitScore = fit;
        EngagementScore = engagement;
        TotalScore = fit + engagement;
        ScoredAt = at;
    }
}
