using L2R.Domain.Agreements;
using L2R.Domain.Leads;

namespace L2R.Domain.Tests;

public class LeadAgreementTests
{
    [Fact]
    public void DefaultAgreement_HasARuleForEveryTrigger()
    {
        var agreement = DefaultAgreement.Create();

        Assert.Equal(Enum.GetValues<LeadTrigger>(), agreement.Transitions.Select(t => t.Trigger).Order());
    }

    [Fact]
    public void DefaultAgreement_AutoAdvancesScoreQualifyAndReengage()
    {
        var auto = DefaultAgreement.Create().Transitions.Where(t => t.AutoAdvance).Select(t => t.Trigger);

        Assert.Equal([LeadTrigger.Score, LeadTrigger.Qualify, LeadTrigger.Reengage], auto);
    }

    [Fact]
    public void DefaultAgreement_CriterionIdsAreUniqueAcrossTheAgreement()
    {
        var ids = DefaultAgreement.Create().Transitions.SelectMany(t => t.Criteria).Select(c => c.Id).ToList();

        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void DefaultAgreement_EachCallIsAFreshCopy()
    {
        Assert.NotSame(DefaultAgreement.Create().Transitions, DefaultAgreement.Create().Transitions);
    }

    [Fact]
    public void RuleFor_TriggerMissing_IsUnguardedAdminOnly()
    {
        var agreement = DefaultAgreement.Create() with { Transitions = [] };

        var rule = agreement.RuleFor(LeadTrigger.Accept);

        Assert.Equal(LeadTrigger.Accept, rule.Trigger);
        Assert.Equal([Role.Admin], rule.Roles);
        Assert.False(rule.AutoAdvance);
        Assert.Empty(rule.Criteria);
    }

    [Theory]
    [InlineData(LeadTrigger.Reject, "not-decision-maker")]
    [InlineData(LeadTrigger.Recycle, "no-budget")]
    [InlineData(LeadTrigger.Lose, "price")]
    [InlineData(LeadTrigger.Disqualify, "spam")]
    [InlineData(LeadTrigger.Reopen, "closed-by-mistake")]
    public void ReasonsFor_ReasonRequiringTrigger_GivesItsList(LeadTrigger trigger, string firstCode)
    {
        Assert.Equal(firstCode, DefaultAgreement.Create().ReasonsFor(trigger)[0].Code);
    }

    [Theory]
    [InlineData(LeadTrigger.Score)]
    [InlineData(LeadTrigger.Accept)]
    [InlineData(LeadTrigger.Win)]
    public void ReasonsFor_OtherTriggers_IsEmpty(LeadTrigger trigger)
    {
        Assert.Empty(DefaultAgreement.Create().ReasonsFor(trigger));
    }

    [Theory]
    [InlineData(new[] { Role.Admin, Role.Sales }, Roles.Admin | Roles.Sales)]
    [InlineData(new Role[0], Roles.None)]
    public void RoleSet_ConvertsBetweenListAndFlags(Role[] list, Roles flags)
    {
        Assert.Equal(flags, RoleSet.From(list));
        Assert.Equal(list, RoleSet.ToList(flags));
    }
}
