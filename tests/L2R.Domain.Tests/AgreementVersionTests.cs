using L2R.Domain.Agreements;
using L2R.Domain.Leads;

namespace L2R.Domain.Tests;

/// <summary>The agreement version lifecycle: Draft → Active → Superseded, with sign-off by two different people.</summary>
public class AgreementVersionTests
{
    private static readonly Guid Admin = Guid.Parse("ad000000-0000-0000-0000-0000000000a1");
    private static readonly Guid Mia = Guid.Parse("3a000000-0000-0000-0000-0000000000a2");
    private static readonly Guid Sam = Guid.Parse("5a000000-0000-0000-0000-0000000000a3");
    private static readonly Guid Bea = Guid.Parse("b0000000-0000-0000-0000-0000000000a4");

    private static readonly LeadAgreement Lowered = DefaultAgreement.Create().WithCriteria(LeadTrigger.Qualify,
        new ScoreAtLeastCriterion { Id = "mql-engagement", Score = ScoreKind.Engagement, Value = 10, Description = "Engagement score at least 10" });

    /// <summary>Valid once, invalid under today's rules (an unknown field): what an old version may hold.</summary>
    private static readonly LeadAgreement Broken = DefaultAgreement.Create().WithCriteria(LeadTrigger.Accept,
        new FieldPresentCriterion { Id = "sal-mobile", Field = "mobile", Description = "A mobile number" });

    private static AgreementVersion Active(LeadAgreement? agreement = null) => AgreementVersion.First(agreement ?? DefaultAgreement.Create(), Admin, Clock.DaysAgo(30));

    private static AgreementVersion Draft(AgreementVersion? from = null) => (from ?? Active()).StartDraft(2, Admin, Clock.DaysAgo(1));

    private static AgreementVersion SignedOff(AgreementVersion draft)
    {
        draft.Approve(Mia, Roles.Marketing, Role.Marketing, null, Clock.Now);
        draft.Approve(Sam, Roles.Sales, Role.Sales, null, Clock.Now);
        return draft;
    }

    private static List<AgreementAuditAction> Audit(AgreementVersion version) => version.TakeAuditEntries().Select(e => e.Action).ToList();

    [Fact]
    public void First_IsActiveVersionOne_AndNeedsNoSignOff()
    {
        var first = Active();

        Assert.Equal((1, AgreementStatus.Active, 1), (first.Version, first.Status, first.Revision));
        Assert.Equal(first.CreatedAt, first.ActivatedAt);
        Assert.False(first.CanActivate);
    }

    [Fact]
    public void StartDraft_CopiesTheContent_AndRemembersWhereItStarted()
    {
        var active = Active(Lowered);

        var draft = active.StartDraft(5, Mia, Clock.Now);

        Assert.Equal((5, AgreementStatus.Draft, 1, (int?)1), (draft.Version, draft.Status, draft.Revision, draft.BasedOnVersion));
        Assert.Equal(active.Content, draft.Content);
        Assert.Equal(AgreementStatus.Active, active.Status);
        var drafted = Assert.Single(draft.TakeAuditEntries());
        Assert.Equal((AgreementAuditAction.Drafted, (Guid?)Mia, "Draft 5 started from version 1."), (drafted.Action, drafted.UserId, drafted.Detail));
    }

    [Fact]
    public void StartDraft_FromADraft_IsRefused() =>
        Assert.Throws<AgreementLifecycleException>(() => Draft().StartDraft(3, Admin, Clock.Now));

    [Fact]
    public void Edit_WithNewContent_MakesANewRevision_AndClearsTheApprovals()
    {
        var draft = SignedOff(Draft());
        draft.TakeAuditEntries();

        draft.Edit(Lowered, seenRevision: 1, Mia, Clock.Now);

        Assert.Equal(2, draft.Revision);
        Assert.Empty(draft.Approvals);
        Assert.Equal([Role.Marketing, Role.Sales], draft.MissingApprovals);
        Assert.Equal(10, ((ScoreAtLeastCriterion)draft.Agreement.RuleFor(LeadTrigger.Qualify).Criteria[0]).Value);
        Assert.Equal((Clock.Now, (Guid?)Mia), (draft.UpdatedAt, draft.UpdatedBy));
        var audit = draft.TakeAuditEntries();
        Assert.Equal([AgreementAuditAction.Edited, AgreementAuditAction.ApprovalsCleared], audit.Select(e => e.Action));
        Assert.Contains("engagement score threshold 25 → 10", audit[0].Detail);
        Assert.Equal("2 approval(s) cleared by the edit.", audit[1].Detail);
    }

    [Fact]
    public void Edit_FromAReviewsDecision_SaysSoAheadOfTheChanges()
    {
        var draft = Draft();
        draft.TakeAuditEntries();

        draft.Edit(Lowered, seenRevision: null, Admin, Clock.Now, "From the review of 2030-01-08, decision 2.");

        var edited = Assert.Single(draft.TakeAuditEntries());
        Assert.StartsWith("From the review of 2030-01-08, decision 2.\n", edited.Detail, StringComparison.Ordinal);
        Assert.Contains("engagement score threshold 25 → 10", edited.Detail);
    }

    [Fact]
    public void Edit_WithTheSameContent_ChangesNothing()
    {
        var draft = SignedOff(Draft());
        draft.TakeAuditEntries();

        draft.Edit(DefaultAgreement.Create(), seenRevision: null, Mia, Clock.Now);

        Assert.Equal(1, draft.Revision);
        Assert.True(draft.CanActivate);
        Assert.Empty(draft.TakeAuditEntries());
    }

    [Fact]
    public void Edit_FromAStaleRevision_IsRefused()
    {
        var draft = Draft();
        draft.Edit(Lowered, seenRevision: 1, Mia, Clock.Now);

        var refused = Assert.Throws<StaleDraftException>(() => draft.Edit(DefaultAgreement.Create(), seenRevision: 1, Sam, Clock.Now));

        Assert.Equal("The draft is at revision 2, not 1; someone else edited it. Reload to see their change.", refused.Message);
        Assert.Equal(AgreementJson.Serialize(Lowered), draft.Content);
    }

    [Fact]
    public void Edit_WithProblems_ListsThemByPath_AndChangesNothing()
    {
        var draft = Draft();

        var refused = Assert.Throws<InvalidAgreementException>(() => draft.Edit(Broken, seenRevision: 1, Mia, Clock.Now));

        Assert.Equal("transitions[2].criteria[0].field", Assert.Single(refused.Issues).Path);
        Assert.Equal(1, draft.Revision);
        Assert.Empty(draft.Issues);
    }

    [Fact]
    public void Edit_OfTheActiveVersion_IsRefused()
    {
        var refused = Assert.Throws<AgreementLifecycleException>(() => Active().Edit(Lowered, null, Admin, Clock.Now));

        Assert.Equal("Version 1 is Active; only a draft can change.", refused.Message);
    }

    [Theory]
    [InlineData(Roles.Marketing, Role.Marketing)]
    [InlineData(Roles.Sales | Roles.Admin, Role.Sales)]
    public void Approve_WithoutRole_ByHolderOfOneApprovingRole_ApprovesForIt(Roles held, Role inferred)
    {
        var draft = Draft();

        draft.Approve(Mia, held, role: null, seenRevision: null, Clock.Now);

        var approval = Assert.Single(draft.Approvals);
        Assert.Equal((Mia, inferred, 1), (approval.UserId, approval.Role, approval.Revision));
    }

    [Fact]
    public void Approve_WithoutRole_ByHolderOfBothRoles_AsksWhichOne()
    {
        var draft = Draft();

        Assert.Throws<ApprovalRoleUnclearException>(() => draft.Approve(Bea, Roles.Marketing | Roles.Sales, role: null, seenRevision: null, Clock.Now));

        Assert.Empty(draft.Approvals);
    }

    [Fact]
    public void Approve_WithoutRole_BySomeoneHoldingNeither_IsForbidden() =>
        Assert.Throws<ApproverLacksRoleException>(() => Draft().Approve(Admin, Roles.Admin, role: null, seenRevision: null, Clock.Now));

    [Fact]
    public void Approve_ForARoleNotHeld_IsForbidden()
    {
        var refused = Assert.Throws<ApproverLacksRoleException>(() => Draft().Approve(Sam, Roles.Sales, Role.Marketing, null, Clock.Now));

        Assert.Equal("Only someone with the Marketing role may approve for Marketing.", refused.Message);
    }

    [Fact]
    public void Approve_AsAdmin_IsNotAnApprovingRole() =>
        Assert.Throws<ApprovalRoleUnclearException>(() => Draft().Approve(Admin, Roles.Admin, Role.Admin, null, Clock.Now));

    [Fact]
    public void Approve_ForARoleNotHeld_IsForbiddenBeforeTheRevisionIsLookedAt() =>
        Assert.Throws<ApproverLacksRoleException>(() => Draft().Approve(Sam, Roles.Sales, Role.Marketing, seenRevision: 7, Clock.Now));

    [Fact]
    public void Approve_AfterAnEditTheApproverDidNotSee_IsRefused()
    {
        var draft = Draft();
        draft.Edit(Lowered, null, Admin, Clock.Now);

        Assert.Throws<StaleDraftException>(() => draft.Approve(Mia, Roles.Marketing, Role.Marketing, seenRevision: 1, Clock.Now));

        Assert.Empty(draft.Approvals);
    }

    [Fact]
    public void Approve_ADraftWithProblems_IsRefused()
    {
        var draft = Draft(Active(Broken));

        var refused = Assert.Throws<AgreementLifecycleException>(() => draft.Approve(Mia, Roles.Marketing, Role.Marketing, null, Clock.Now));

        Assert.Equal("The draft has problems to fix before it can be approved.", refused.Message);
    }

    [Fact]
    public void Approve_Twice_RecordsOneApproval()
    {
        var draft = Draft();
        draft.TakeAuditEntries();

        draft.Approve(Mia, Roles.Marketing, Role.Marketing, null, Clock.Now);
        draft.Approve(Mia, Roles.Marketing, Role.Marketing, null, Clock.Now.AddMinutes(1));

        Assert.Single(draft.Approvals);
        var approved = Assert.Single(draft.TakeAuditEntries());
        Assert.Equal("Approved revision 1 for Marketing.", approved.Detail);
    }

    [Fact]
    public void Approve_BySamePersonForBothRoles_DoesNotSignOff()
    {
        var draft = Draft();

        draft.Approve(Bea, Roles.Marketing | Roles.Sales, Role.Marketing, null, Clock.Now);
        draft.Approve(Bea, Roles.Marketing | Roles.Sales, Role.Sales, null, Clock.Now);

        Assert.Equal(2, draft.Approvals.Count);
        Assert.Equal([Role.Sales], draft.MissingApprovals);
        Assert.False(draft.CanActivate);
    }

    [Fact]
    public void Approve_ByTwoDifferentPeople_SignsOff()
    {
        var draft = Draft();

        draft.Approve(Bea, Roles.Marketing | Roles.Sales, Role.Sales, null, Clock.Now);
        Assert.Equal([Role.Marketing], draft.MissingApprovals);
        draft.Approve(Mia, Roles.Marketing, null, null, Clock.Now);

        Assert.Empty(draft.MissingApprovals);
        Assert.True(draft.CanActivate);
    }

    [Fact]
    public void WithdrawApprovals_RemovesOnlyTheCallersApprovals()
    {
        var draft = SignedOff(Draft());
        draft.TakeAuditEntries();

        draft.WithdrawApprovals(Mia, Clock.Now);
        draft.WithdrawApprovals(Bea, Clock.Now);

        Assert.Equal(Sam, Assert.Single(draft.Approvals).UserId);
        Assert.Equal([AgreementAuditAction.Withdrew], Audit(draft));
    }

    [Fact]
    public void Activate_WithoutApprovals_ListsTheMissingRoles()
    {
        var draft = Draft();
        draft.Approve(Mia, Roles.Marketing, Role.Marketing, null, Clock.Now);
        var active = Active();

        var refused = Assert.Throws<MissingApprovalsException>(() => draft.Activate(active, Admin, Clock.Now));

        Assert.Equal([Role.Sales], refused.Missing);
        Assert.StartsWith("The draft needs the approval of Sales", refused.Message);
        Assert.Equal((AgreementStatus.Draft, AgreementStatus.Active), (draft.Status, active.Status));
    }

    [Fact]
    public void Activate_BySamePersonForBothRoles_IsRefused()
    {
        var draft = Draft();
        draft.Approve(Bea, Roles.Marketing | Roles.Sales, Role.Marketing, null, Clock.Now);
        draft.Approve(Bea, Roles.Marketing | Roles.Sales, Role.Sales, null, Clock.Now);

        Assert.Throws<MissingApprovalsException>(() => draft.Activate(Active(), Admin, Clock.Now));
    }

    [Fact]
    public void Activate_ADraftWithProblems_IsRefusedBeforeItsSignOffIsLookedAt()
    {
        var refused = Assert.Throws<AgreementLifecycleException>(() => Draft(Active(Broken)).Activate(Active(), Admin, Clock.Now));

        Assert.IsNotType<MissingApprovalsException>(refused);
        Assert.Equal("The draft has problems to fix before it can be activated.", refused.Message);
    }

    [Fact]
    public void Activate_SignedOffDraft_SupersedesTheActiveVersion()
    {
        var active = Active();
        var draft = SignedOff(Draft(active));
        draft.TakeAuditEntries();

        draft.Activate(active, Admin, Clock.Now);

        Assert.Equal((AgreementStatus.Active, AgreementStatus.Superseded), (draft.Status, active.Status));
        Assert.Equal((Clock.Now, (Guid?)Admin), (draft.ActivatedAt, draft.ActivatedBy));
        Assert.Equal(1, draft.Revision);
        var activated = Assert.Single(draft.TakeAuditEntries());
        Assert.Equal((AgreementAuditAction.Activated, "Version 2 replaced version 1."), (activated.Action, activated.Detail));
        Assert.False(draft.CanActivate);
    }

    [Fact]
    public void Activate_Again_IsRefused()
    {
        var active = Active();
        var draft = SignedOff(Draft(active));
        draft.Activate(active, Admin, Clock.Now);

        Assert.Throws<AgreementLifecycleException>(() => draft.Activate(draft, Admin, Clock.Now));
        Assert.Throws<AgreementLifecycleException>(() => draft.Approve(Mia, Roles.Marketing, Role.Marketing, null, Clock.Now));
        Assert.Throws<AgreementLifecycleException>(() => active.WithdrawApprovals(Mia, Clock.Now));
    }

    [Fact]
    public void Activate_SupersedingAVersionThatIsNotActive_IsAProgrammingError()
    {
        var superseded = Active();
        SignedOff(Draft(superseded)).Activate(superseded, Admin, Clock.Now);

        Assert.Throws<ArgumentException>(() => SignedOff(Draft(superseded)).Activate(superseded, Admin, Clock.Now));
    }

    [Fact]
    public void Discard_RecordsIt_ButOnlyForADraft()
    {
        var draft = Draft();
        draft.TakeAuditEntries();

        draft.Discard(Admin, Clock.Now);

        Assert.Equal([AgreementAuditAction.Discarded], Audit(draft));
        Assert.Throws<AgreementLifecycleException>(() => Active().Discard(Admin, Clock.Now));
    }

    [Fact]
    public void TakeAuditEntries_HandsEachEntryOverOnce_WithItsVersion()
    {
        var draft = Draft();

        var entry = Assert.Single(draft.TakeAuditEntries());

        Assert.Equal((draft.Id, 2), (entry.AgreementVersionId, entry.Version));
        Assert.Empty(draft.TakeAuditEntries());
    }
}
