using L2R.Domain.Agreements;
using L2R.Domain.Leads;

namespace L2R.Domain.Tests;

public sealed class LeadMoverTests
{
    private const int ActiveVersion = 3;
    private static readonly LeadAgreement Default = DefaultAgreement.Create();
    private static readonly LeadMover Mover = new(Default, ActiveVersion);

    /// <summary>Fit 35 (300 employees, a VP) and a meeting plus a webinar this week: every default guard up to MQL holds, by its own data.</summary>
    private static LeadBuilder Qualified(LeadState state = LeadState.Raw) =>
        LeadBuilder.Ready(state)
            .With(l =>
            {
                l.CompanySize = 300;
                l.Title = "VP Sales";
            })
            .WithScores(0, 0)
            .WithActivity(ActivityType.Meeting, daysAgo: 1);

    /// <summary>Only an owned MQL's owner, their team lead or an admin may accept or reject it.</summary>
    private static void OwnedBySales(Lead lead) => lead.OwnerId = Actors.SalesUserId;

    [Fact]
    public void Fire_RoleIsCheckedBeforeTheMoveIsKnownFromTheState()
    {
        var lead = Qualified(LeadState.Raw);

        var outcome = Mover.Fire(lead.Facts(), Actors.Marketing, new MoveRequest(LeadTrigger.Accept));

        Assert.Equal(MoveRefusalKind.RoleMayNot, outcome.Refusal?.Kind);
        Assert.Equal(LeadState.Raw, lead.Lead.State);
        Assert.Empty(outcome.Transitions);
    }

    [Fact]
    public void Fire_UndefinedMoveIsCheckedBeforeTheVersion()
    {
        var outcome = Mover.Fire(Qualified(LeadState.Raw).Facts(), Actors.Sales, new MoveRequest(LeadTrigger.Accept, ExpectedVersion: 99));

        Assert.Equal(MoveRefusalKind.NotAMoveFromState, outcome.Refusal?.Kind);
    }

    [Fact]
    public void Fire_VersionIsCheckedBeforeTheReason()
    {
        var outcome = Mover.Fire(Qualified(LeadState.MQL).With(OwnedBySales).Facts(), Actors.Sales, new MoveRequest(LeadTrigger.Reject, ExpectedVersion: 99));

        Assert.Equal(MoveRefusalKind.StaleVersion, outcome.Refusal?.Kind);
    }

    [Fact]
    public void Fire_ReasonIsCheckedBeforeTheGuard()
    {
        var missing = Mover.Fire(LeadBuilder.Empty().InState(LeadState.MQL).Facts(), Actors.Sales, new MoveRequest(LeadTrigger.Reject));
        var unknown = Mover.Fire(LeadBuilder.Empty().InState(LeadState.MQL).Facts(), Actors.Sales, new MoveRequest(LeadTrigger.Reject, "because"));

        Assert.Equal(MoveRefusalKind.ReasonMissing, missing.Refusal?.Kind);
        Assert.Equal(MoveRefusalKind.ReasonUnknown, unknown.Refusal?.Kind);
        Assert.Contains("not-decision-maker", unknown.Refusal!.Message);
    }

    [Fact]
    public void Fire_WhenTheGuardFails_ListsOnlyTheUnmetCriteriaAndLeavesTheLead()
    {
        var lead = Qualified(LeadState.MQL).With(OwnedBySales).With(l => l.Phone = null);

        var outcome = Mover.Fire(lead.Facts(), Actors.Sales, new MoveRequest(LeadTrigger.Accept));

        Assert.Equal(MoveRefusalKind.GuardUnmet, outcome.Refusal?.Kind);
        Assert.Equal(["sal-phone"], outcome.Refusal!.Unmet.Select(c => c.Id));
        Assert.Equal(LeadState.MQL, lead.Lead.State);
    }

    [Fact]
    public void Fire_System_MayFireOnlyAutomaticMoves()
    {
        var outcome = Mover.Fire(Qualified(LeadState.MQL).Facts(), Actor.System, new MoveRequest(LeadTrigger.Accept));

        Assert.Equal(MoveRefusalKind.RoleMayNot, outcome.Refusal?.Kind);
        Assert.Contains("not an automatic move", outcome.Refusal!.Message);
    }

    [Fact]
    public void Fire_Integration_MayNotFireSalesMovesUnderTheDefaultAgreement()
    {
        var outcome = Mover.Fire(Qualified(LeadState.MQL).Facts(), Actors.Integration, new MoveRequest(LeadTrigger.Accept));

        Assert.Equal(MoveRefusalKind.RoleMayNot, outcome.Refusal!.Kind);
        Assert.Contains("integrations", outcome.Refusal.Message);
    }

    [Fact]
    public void Fire_Integration_WhenTheAgreementOpensTheMove_RecordsTheClientAsActor()
    {
        var mover = new LeadMover(DefaultAgreement.Create().WithRule(LeadTrigger.Accept, r => r with { IntegrationMayFire = true }), 1);

        var outcome = mover.Fire(Qualified(LeadState.MQL).Facts(), Actors.Integration, new MoveRequest(LeadTrigger.Accept));

        Assert.True(outcome.Moved);
        var entry = outcome.Transitions[0];
        Assert.Equal((ActorKind.Integration, Actors.IntegrationClientId, (Guid?)null), (entry.ActorKind, entry.ActorClientId, entry.ActorUserId));
    }

    [Fact]
    public void Fire_RecordsTheMoveWithItsReasonAndEveryCriterion_ThenAdvancesToAFixpoint()
    {
        var lead = Qualified().InState(LeadState.Disqualified, enteredDaysAgo: 30);

        var outcome = Mover.Fire(lead.Facts(), Actors.Sales, new MoveRequest(LeadTrigger.Reopen, "closed-by-mistake", " closed by accident "));

        Assert.True(outcome.Moved, outcome.Refusal?.Message);
        Assert.Equal(
            [(LeadState.Disqualified, LeadTrigger.Reopen, LeadState.Nurture, ActorKind.User)],
            outcome.Transitions.Take(1).Select(t => (t.From!.Value, t.Trigger!.Value, t.To, t.ActorKind)));
        var reopen = outcome.Transitions[0];
        Assert.Equal(("closed-by-mistake", "closed by accident", ActiveVersion, Actors.SalesUserId), (reopen.ReasonCode, reopen.Note, reopen.AgreementVersion, reopen.ActorUserId!.Value));

        // Nurture entered just now: Reengage needs 14 days there, so the system stops at the fixpoint.
        Assert.Single(outcome.Transitions);
        Assert.Equal(LeadState.Nurture, lead.Lead.State);
        Assert.Equal(Clock.Now, lead.Lead.StageEnteredAt);
    }

    [Fact]
    public void EveryEntry_RecordsTheOwnerAsTheLeadEntersTheStage_SoAcceptRecordsTheAcceptingUser()
    {
        var lead = Qualified(LeadState.MQL).With(l => l.OwnerId = null);
        var unowned = Mover.Advance(Qualified(LeadState.Raw).With(l => l.OwnerId = null).Facts());

        var accept = Mover.Fire(lead.Facts(), Actors.Sales, new MoveRequest(LeadTrigger.Accept)).Transitions.Single();

        Assert.Equal(Actors.SalesUserId, accept.OwnerId);
        Assert.All(unowned, t => Assert.Null(t.OwnerId));
    }

    [Fact]
    public void Advance_CarriesTheLeadThroughEveryAutomaticMoveThatHolds_AsTheSystem()
    {
        var lead = Qualified(LeadState.Raw);

        var history = Mover.Advance(lead.Facts());

        Assert.Equal([LeadTrigger.Score, LeadTrigger.Qualify], history.Select(t => t.Trigger!.Value));
        Assert.All(history, t => Assert.Equal((ActorKind.System, (Guid?)null), (t.ActorKind, t.ActorUserId)));
        Assert.Equal(LeadState.MQL, lead.Lead.State);
        Assert.Equal(ActiveVersion, lead.Lead.AgreementVersion);
    }

    [Fact]
    public void Create_RecordsTheEntryIntoTheFirstStage_ThenAdvances()
    {
        var lead = Qualified().InState(LeadState.Raw, enteredDaysAgo: 5);

        var history = Mover.Create(lead.Facts(), Actors.Marketing);

        var created = history[0];
        Assert.Equal((HistoryEntryKind.Created, (LeadState?)null, LeadState.Raw, (LeadTrigger?)null, ActorKind.User), (created.Kind, created.From, created.To, created.Trigger, created.ActorKind));
        Assert.Equal([LeadState.Scored, LeadState.MQL], history.Skip(1).Select(t => t.To));
        Assert.All(history.Skip(1), t => Assert.Equal(HistoryEntryKind.Moved, t.Kind));
        Assert.Equal(Clock.Now, created.OccurredAt);
    }

    [Fact]
    public void Create_FromAnImportRun_NamesTheRunOnTheCreationEntryOnly()
    {
        var run = Guid.NewGuid();

        var history = Mover.Create(Qualified().Facts(), Actors.Marketing, run);

        Assert.Equal(run, history[0].ImportRunId);
        Assert.All(history.Skip(1), t => Assert.Null(t.ImportRunId));
        Assert.Equal(LeadState.MQL, history[^1].To);
    }

    [Fact]
    public void Merge_RecordsTheAbsorbedLeadInPlace_ThenAdvancesOnTheCombinedJourney()
    {
        var absorbed = Guid.NewGuid();
        var survivor = Qualified(LeadState.Scored);

        var history = Mover.Merge(survivor.Facts(), absorbed, Actors.Marketing, " same person ");

        var merged = history[0];
        Assert.Equal((HistoryEntryKind.Merged, (LeadState?)LeadState.Scored, LeadState.Scored, absorbed, "same person"), (merged.Kind, merged.From, merged.To, merged.MergedLeadId, merged.Note));
        Assert.Equal((ActorKind.User, (LeadTrigger?)null), (merged.ActorKind, merged.Trigger));
        Assert.Equal([LeadTrigger.Qualify], history.Skip(1).Select(t => t.Trigger!.Value));
        Assert.Equal([0, 1], history.Select(t => t.Step));
    }

    [Fact]
    public void Guards_UseTheScoreAsOfTheMoment_NotTheStoredOne()
    {
        // The stored scores claim far more than the activities are worth today: the guard must not believe them.
        var lead = Qualified(LeadState.Scored).WithoutActivities().WithActivity(ActivityType.Meeting, daysAgo: 29).WithScores(fit: 90, engagement: 90);

        var outcome = Mover.Fire(lead.Facts(), Actors.Marketing, new MoveRequest(LeadTrigger.Qualify));

        var engagement = Assert.Single(outcome.Refusal!.Unmet);
        Assert.Equal("mql-engagement", engagement.Id);
        Assert.Equal("engagement score 18, needs ≥ 25", engagement.Actual);
        Assert.Equal(18, lead.Lead.EngagementScore);
    }

    [Fact]
    public void Guard_ThatHeldAMonthAgo_FailsToday_AndTheTraceRecordsTheDecayedValue()
    {
        // A meeting 19 days ago is worth 25 × 0.5^(19/60) ≈ 20; a webinar 13 days ago 15 × 0.5^(13/30) ≈ 11: 31 then; a month later 14 + 6 = 20.
        Lead Build() => Qualified(LeadState.Scored).WithoutActivities()
            .WithActivity(ActivityType.Meeting, daysAgo: 19)
            .WithActivity(ActivityType.Webinar, daysAgo: 13).Lead.Copy();
        var activities = new[] { new ActivityFact(ActivityType.Meeting, Clock.DaysAgo(19), null), new ActivityFact(ActivityType.Webinar, Clock.DaysAgo(13), null) };

        var then = Mover.Fire(new LeadFacts(Build(), activities, Clock.Now), Actors.Marketing, new MoveRequest(LeadTrigger.Qualify));
        var today = Mover.Fire(new LeadFacts(Build(), activities, Clock.Now.AddDays(30)), Actors.Marketing, new MoveRequest(LeadTrigger.Qualify));

        Assert.True(then.Moved, then.Refusal?.Message);
        Assert.Contains(then.Transitions[0].Criteria, c => c is { Id: "mql-engagement", Passed: true, Actual: "engagement score 31, needs ≥ 25" });
        Assert.Equal(MoveRefusalKind.GuardUnmet, today.Refusal?.Kind);
        Assert.Contains(today.Refusal!.Unmet, c => c is { Id: "mql-engagement", Actual: "engagement score 20, needs ≥ 25" });
    }

    [Fact]
    public void BatchForm_MakesTheSameDecisionsAsTheSingleForm_OnAMixedSet()
    {
        IEnumerable<LeadBuilder> Mixed() => new[]
        {
            Qualified(LeadState.Raw),
            Qualified(LeadState.Scored),
            Qualified().InState(LeadState.Nurture, enteredDaysAgo: 20),
            Qualified().InState(LeadState.Nurture, enteredDaysAgo: 2),
            LeadBuilder.Empty(),
            LeadBuilder.Ready(LeadState.SalesAccepted),
            Qualified(LeadState.Raw).With(l => l.Email = "not an email"),
        }.Select((lead, i) => lead.With(l => l.Id = new Guid(i + 1, 0, 0, new byte[8])));
        // The single form as one command per lead (a mover each); the batch form as one command (one mover, whose
        // machine goes from lead to lead).
        var singleLeads = Mixed().ToList();
        var single = singleLeads.SelectMany(b => new LeadMover(Default, ActiveVersion).Advance(b.Facts())).ToList();
        var batchLeads = Mixed().ToList();
        var batch = new LeadMover(Default, ActiveVersion).AdvanceMany(batchLeads.Select(b => b.Facts()));

        Assert.NotEmpty(batch);
        Assert.Equal(single.Count, batch.Count);
        foreach (var (one, many) in single.Zip(batch))
        {
            Assert.Equal(
                (one.LeadId, one.Kind, one.From, one.To, one.Trigger, one.ActorKind, one.ActorUserId, one.OccurredAt, one.Step, one.AgreementVersion, one.ReasonCode, one.Note),
                (many.LeadId, many.Kind, many.From, many.To, many.Trigger, many.ActorKind, many.ActorUserId, many.OccurredAt, many.Step, many.AgreementVersion, many.ReasonCode, many.Note));
            Assert.Equal(one.Criteria, many.Criteria);
        }

        Assert.Equal(
            singleLeads.Select(b => (b.Lead.State, b.Lead.StageEnteredAt, b.Lead.FitScore, b.Lead.EngagementScore, b.Lead.ScoredAt, b.Lead.AgreementVersion)),
            batchLeads.Select(b => (b.Lead.State, b.Lead.StageEnteredAt, b.Lead.FitScore, b.Lead.EngagementScore, b.Lead.ScoredAt, b.Lead.AgreementVersion)));
    }

    [Fact]
    public void FireMany_ExplainsEachLeadOnItsOwn()
    {
        var outcomes = Mover.FireMany(
            [Qualified(LeadState.MQL).With(l => l.OwnerId = null).Facts(), Qualified(LeadState.MQL).With(OwnedBySales).With(l => l.Phone = null).Facts(), Qualified(LeadState.Raw).Facts()],
            Actors.Sales,
            new MoveRequest(LeadTrigger.Accept));

        Assert.Equal([null, MoveRefusalKind.GuardUnmet, MoveRefusalKind.NotAMoveFromState], outcomes.Select(o => o.Refusal?.Kind));
        Assert.Equal(Actors.SalesUserId, outcomes[0].Lead.OwnerId ?? Guid.Empty);
    }
}
