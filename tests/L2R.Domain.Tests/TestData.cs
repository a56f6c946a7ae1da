using L2R.Domain.Agreements;
using L2R.Domain.Leads;

namespace L2R.Domain.Tests;

/// <summary>One fixed instant so every evaluation in the suite is deterministic.</summary>
internal static class Clock
{
    public static readonly DateTime Now = new(2025, 6, 1, 12, 0, 0, DateTimeKind.Utc);

    public static DateTime DaysAgo(double days) => Now.AddDays(-days);
}

internal static class Actors
{
    public static readonly Guid SalesUserId = Guid.Parse("5a1e5000-0000-0000-0000-000000000001");

    public static readonly Actor Sales = Actor.User(SalesUserId, Roles.Sales);
    public static readonly Actor Marketing = Actor.User(Guid.Parse("3a2c0000-0000-0000-0000-000000000002"), Roles.Marketing);
    public static readonly Actor Admin = Actor.User(Guid.Parse("ad000000-0000-0000-0000-000000000003"), Roles.Admin);

    public static readonly Guid IntegrationClientId = Guid.Parse("c1000000-0000-0000-0000-000000000005");

    public static readonly Actor Integration = Actor.Integration(IntegrationClientId);

    public static Actor WithRoles(Roles roles) => Actor.User(Guid.Parse("00000000-0000-0000-0000-0000000000aa"), roles);
}

/// <summary>Builds a lead and its facts; <see cref="Ready"/> starts from a lead meeting every criterion of the default agreement.</summary>
internal sealed class LeadBuilder
{
    public static readonly Guid ExistingOwnerId = Guid.Parse("0e000000-0000-0000-0000-000000000004");

    private readonly Lead _lead = new()
    {
        TenantId = Guid.Parse("7e000000-0000-0000-0000-000000000005"),
        CreatedAt = Clock.DaysAgo(90),
        UpdatedAt = Clock.DaysAgo(1),
        StageEnteredAt = Clock.Now,
    };

    private readonly List<ActivityFact> _activities = [];

    /// <summary>An empty lead in Raw that fails every criterion of the default agreement.</summary>
    public static LeadBuilder Empty() => new();

    /// <summary>A lead meeting every default criterion, 20 days into its stage with a webinar 2 days ago.</summary>
    public static LeadBuilder Ready(LeadState state = LeadState.Raw) =>
        new LeadBuilder()
            .InState(state, enteredDaysAgo: 20)
            .With(l =>
            {
                l.FirstName = "Jane";
                l.LastName = "Doe";
                l.Email = "jane.doe@example.com";
                l.Company = "Acme";
                l.Phone = "+1 555 0100";
                l.OwnerId = ExistingOwnerId;
                l.Budget = l.Authority = l.Need = l.Timeline = true;
                l.Amount = 50_000m;
                l.ExpectedCloseDate = Clock.Now.AddDays(45);
            })
            .WithScores(fit: 35, engagement: 30)
            .WithActivity(ActivityType.Webinar, daysAgo: 2);

    public Lead Lead => _lead;

    public LeadBuilder InState(LeadState state, double enteredDaysAgo = 0)
    {
        _lead.State = state;
        _lead.StageEnteredAt = Clock.DaysAgo(enteredDaysAgo);
        return this;
    }

    public LeadBuilder With(Action<Lead> change)
    {
        change(_lead);
        return this;
    }

    public LeadBuilder WithScores(int fit, int engagement) => With(l =>
    {
        l.FitScore = fit;
        l.EngagementScore = engagement;
        l.TotalScore = fit + engagement;
    });

    public LeadBuilder WithCustom(string name, string value) => With(l => l.CustomFields[name] = value);

    public LeadBuilder WithActivity(ActivityType type, double daysAgo, string? campaign = null)
    {
        _activities.Add(new ActivityFact(type, Clock.DaysAgo(daysAgo), campaign));
        return this;
    }

    public LeadBuilder WithoutActivities()
    {
        _activities.Clear();
        return this;
    }

    public LeadFacts Facts(DateTime? now = null) => new(_lead, _activities.ToList(), now ?? Clock.Now);

    public LeadWorkflow Workflow(Actor? actor = null, LeadAgreement? agreement = null) =>
        new(agreement ?? DefaultAgreement.Create(), Facts(), actor ?? Actors.Sales);
}

internal static class Agreements
{
    public static LeadAgreement WithRule(this LeadAgreement agreement, LeadTrigger trigger, Func<TransitionRule, TransitionRule> change) =>
        agreement with { Transitions = agreement.Transitions.Select(t => t.Trigger == trigger ? change(t) : t).ToList() };

    public static LeadAgreement WithCriteria(this LeadAgreement agreement, LeadTrigger trigger, params Criterion[] criteria) =>
        agreement.WithRule(trigger, t => t with { Criteria = criteria });

    public static int IndexOf(this LeadAgreement agreement, LeadTrigger trigger) =>
        agreement.Transitions.ToList().FindIndex(t => t.Trigger == trigger);
}
