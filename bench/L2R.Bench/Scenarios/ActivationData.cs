using L2R.Bench.Infrastructure;
using L2R.Domain.Agreements;
using L2R.Domain.Leads;

namespace L2R.Bench.Scenarios;

/// <summary>
/// S5's and S6's tenant: open leads with activities, spread over the open stages, every one judged by the default
/// agreement (version 1 of every signed-up tenant) and at rest under it. The draft lowers Qualify's engagement threshold
/// from 25 to 10, and exactly the even-numbered leads meet it: Scored, fit 45 and engagement 15 from a webinar two days
/// ago, so activation moves exactly half the leads, each once (Scored → MQL, where no automatic move follows), and
/// routing gives each of them an owner of the general team (their companies are below the enterprise rule's size). Every
/// other lead stays under both versions for a reason of its own: engagement too low, fit too low, a stage without an
/// automatic move, too little time in Nurture, no recent engagement in Nurture, or no company for Score.
/// </summary>
public static class ActivationData
{
    public enum Kind
    {
        Mover,
        ScoredQuiet,
        ScoredPoorFit,
        Mql,
        NurtureNew,
        NurtureQuiet,
        SalesAccepted,
        Sql,
        Opportunity,
        RawNoCompany,
    }

    private static readonly Kind[] Stayers = Enum.GetValues<Kind>().Where(k => k != Kind.Mover).ToArray();

    /// <summary>How each kind of lead looks, and its fit and engagement when the data is made (the scores activation writes).</summary>
    private sealed record Shape(LeadState State, bool GoodFit, bool HasCompany, double StageDays, (ActivityType Type, double DaysAgo)[] Activities, int Fit, int Engagement);

    private static readonly IReadOnlyDictionary<Kind, Shape> Shapes = new Dictionary<Kind, Shape>
    {
        [Kind.Mover] = new(LeadState.Scored, true, true, 3, [(ActivityType.Webinar, 2), (ActivityType.EmailOpen, 3)], 45, 15),
        [Kind.ScoredQuiet] = new(LeadState.Scored, true, true, 20, [(ActivityType.PageView, 10), (ActivityType.EmailClick, 20)], 45, 2),
        [Kind.ScoredPoorFit] = new(LeadState.Scored, false, true, 3, [(ActivityType.Webinar, 2), (ActivityType.EmailOpen, 3)], 0, 15),
        [Kind.Mql] = new(LeadState.MQL, true, true, 1, [(ActivityType.Meeting, 5), (ActivityType.Webinar, 1)], 45, 38),
        [Kind.NurtureNew] = new(LeadState.Nurture, true, true, 5, [(ActivityType.Webinar, 2)], 45, 14),
        [Kind.NurtureQuiet] = new(LeadState.Nurture, true, true, 40, [(ActivityType.EmailClick, 20)], 45, 1),
        [Kind.SalesAccepted] = new(LeadState.SalesAccepted, true, true, 2, [(ActivityType.Meeting, 5)], 45, 24),
        [Kind.Sql] = new(LeadState.SQL, true, true, 6, [(ActivityType.Meeting, 5)], 45, 24),
        [Kind.Opportunity] = new(LeadState.Opportunity, true, true, 9, [(ActivityType.Meeting, 5)], 45, 24),
        [Kind.RawNoCompany] = new(LeadState.Raw, true, false, 1, [(ActivityType.PageView, 1)], 45, 2),
    };

    /// <summary>
    /// The draft S5 activates and S6 simulates: the default agreement with Qualify's engagement threshold at 10, and
    /// <paramref name="routing"/> (none: routing off), so the leads that become MQLs on activation are routed as they enter.
    /// </summary>
    public static LeadAgreement Draft(RoutingRules? routing = null)
    {
        var agreement = DefaultAgreement.Create();
        return agreement with
        {
            Routing = routing ?? new RoutingRules(),
            Transitions = agreement.Transitions.Select(rule => rule.Trigger != LeadTrigger.Qualify ? rule : rule with
            {
                Criteria = rule.Criteria.Select(c => c is ScoreAtLeastCriterion { Score: ScoreKind.Engagement } engagement
                    ? engagement with { Value = 10, Description = "Engagement score at least 10" }
                    : c).ToList(),
            }).ToList(),
        };
    }

    public static Kind KindOf(int i) => i % 2 == 0 ? Kind.Mover : Stayers[i / 2 % Stayers.Length];

    public static bool Moves(Kind kind) => kind == Kind.Mover;

    /// <summary>The scores the new version gives a lead of this kind (as of when the data was made; decay since is a point at most).</summary>
    public static (int Fit, int Engagement) Scores(Kind kind) => (Shapes[kind].Fit, Shapes[kind].Engagement);

    /// <summary>A tenant's leads and their activities, as of <paramref name="now"/>; <paramref name="ownerId"/> owns the leads Sales has taken.</summary>
    public static (BulkRows Leads, BulkRows Activities, IReadOnlyDictionary<Guid, Kind> Kinds) Rows(Guid tenantId, Guid ownerId, int count, DateTime now)
    {
        var ids = Enumerable.Range(0, count).Select(_ => Guid.NewGuid()).ToArray();
        var leads = new BulkRows("Leads", BenchLeads.Columns, count, i =>
        {
            var shape = Shapes[KindOf(i)];
            var sales = shape.State is LeadState.SalesAccepted or LeadState.SQL or LeadState.Opportunity;
            return column => column switch
            {
                "Id" => ids[i],
                "State" => shape.State.ToString(),
                "Version" => 1,
                "Title" => shape.GoodFit ? "VP Operations" : "Manager",
                "Company" => shape.HasCompany ? $"Company {i % 5000}" : null,
                "Industry" => shape.GoodFit ? "Software" : "Retail",
                "CompanySize" => shape.GoodFit ? 500 : 50,
                "OwnerId" => sales ? ownerId : null,
                "Budget" or "Authority" or "Need" or "Timeline" => shape.State is LeadState.SQL or LeadState.Opportunity,

                // Stored three days ago, before the latest decay: activation has real re-scoring to do.
                "FitScore" => shape.Fit,
                "EngagementScore" => shape.Engagement + 3,
                "TotalScore" => shape.Fit + shape.Engagement + 3,
                "ScoredAt" => now.AddDays(-3),
                "AgreementVersion" => 1,
                "CreatedAt" => now.AddDays(-60),
                "UpdatedAt" => now.AddDays(-3),
                "StageEnteredAt" => now.AddDays(-shape.StageDays),
                _ => BenchLeads.Common(i, tenantId, column),
            };
        });
        var activities = Enumerable.Range(0, count)
            .SelectMany(i => Shapes[KindOf(i)].Activities.Select(a => new BenchLeads.Activity(ids[i], a.Type, a.DaysAgo)))
            .ToList();
        var kinds = ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => KindOf(x.i));
        return (leads, BenchLeads.Activities(tenantId, activities, now), kinds);
    }
}
