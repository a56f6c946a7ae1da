using L2R.Domain.Leads;

namespace L2R.Domain.Agreements;

/// <summary>
/// The Demand-Waterfall starting point every new tenant signs as version 1: data quality before scoring,
/// fit and engagement before MQL, BANT before SQL, a reason for every rejection, recycle and loss, and for
/// the plainest reasons the clause they dispute, so sales's feedback lands on the rule it questions.
/// Integrations may fire marketing's moves (Score, Qualify, Reengage) and none of sales'.
/// </summary>
public static class DefaultAgreement
{
    public static LeadAgreement Create() => new()
    {
        Scoring = new ScoringModel
        {
            FitRules =
            [
                new("size-200", new NumberAtLeastCriterion { Id = "size-200", Field = "companySize", Value = 200, Description = "Company has at least 200 employees" }, 20),
                new("size-1000", new NumberAtLeastCriterion { Id = "size-1000", Field = "companySize", Value = 1000, Description = "Company has at least 1,000 employees" }, 10),
                new("title-vp", new FieldContainsCriterion { Id = "title-vp", Field = "title", Value = "VP", Description = "Title contains \"VP\"" }, 15),
                new("title-director", new FieldContainsCriterion { Id = "title-director", Field = "title", Value = "Director", Description = "Title contains \"Director\"" }, 10),
                new("title-chief", new FieldContainsCriterion { Id = "title-chief", Field = "title", Value = "Chief", Description = "Title contains \"Chief\"" }, 20),
                new("industry-target", new FieldInCriterion { Id = "industry-target", Field = "industry", Values = ["Software", "Financial Services", "Manufacturing", "Healthcare"], Description = "Industry is one we sell to" }, 10),
                new("revenue-10m", new NumberAtLeastCriterion { Id = "revenue-10m", Field = "annualRevenue", Value = 10_000_000, Description = "Annual revenue at least 10 million" }, 10),
                new("student", new FieldContainsCriterion { Id = "student", Field = "title", Value = "Student", Description = "Title contains \"Student\"" }, -30),
            ],
            EngagementRules =
            [
                new(ActivityType.PageView, 2, 7),
                new(ActivityType.EmailOpen, 1, 7),
                new(ActivityType.EmailClick, 3, 14),
                new(ActivityType.ContentDownload, 10, 30),
                new(ActivityType.Webinar, 15, 30),
                new(ActivityType.FormSubmission, 15, 30),
                new(ActivityType.Call, 10, 30),
                new(ActivityType.Meeting, 25, 60),
            ],
        },
        Transitions =
        [
            new()
            {
                Trigger = LeadTrigger.Score, Roles = [Role.Marketing], AutoAdvance = true, IntegrationMayFire = true,
                Criteria =
                [
                    new ValidEmailCriterion { Id = "email-valid", Description = "Email address is valid" },
                    new FieldPresentCriterion { Id = "company-present", Field = "company", Description = "Company is known" },
                ],
            },
            new()
            {
                Trigger = LeadTrigger.Qualify, Roles = [Role.Marketing], AutoAdvance = true, IntegrationMayFire = true,
                Criteria =
                [
                    new ScoreAtLeastCriterion { Id = "mql-fit", Score = ScoreKind.Fit, Value = 30, Description = "Fit score at least 30" },
                    new ScoreAtLeastCriterion { Id = "mql-engagement", Score = ScoreKind.Engagement, Value = 25, Description = "Engagement score at least 25" },
                    new ActivityCountCriterion { Id = "mql-recent", AtLeast = 1, WithinDays = 30, Description = "At least one activity in the last 30 days" },
                ],
            },
            new()
            {
                Trigger = LeadTrigger.Accept, Roles = [Role.Sales],
                Criteria = [new FieldPresentCriterion { Id = "sal-phone", Field = "phone", Description = "A phone number to call" }],
            },
            new() { Trigger = LeadTrigger.Reject, Roles = [Role.Sales] },
            new()
            {
                Trigger = LeadTrigger.QualifyForSales, Roles = [Role.Sales],
                Criteria =
                [
                    new OwnerAssignedCriterion { Id = "sql-owner", Description = "An owner is assigned" },
                    new ChecklistConfirmedCriterion { Id = "sql-budget", Item = ChecklistItem.Budget, Description = "Budget confirmed" },
                    new ChecklistConfirmedCriterion { Id = "sql-authority", Item = ChecklistItem.Authority, Description = "Authority confirmed" },
                    new ChecklistConfirmedCriterion { Id = "sql-need", Item = ChecklistItem.Need, Description = "Need confirmed" },
                    new ChecklistConfirmedCriterion { Id = "sql-timeline", Item = ChecklistItem.Timeline, Description = "Timeline confirmed" },
                ],
            },
            new() { Trigger = LeadTrigger.Recycle, Roles = [Role.Sales] },
            new()
            {
                Trigger = LeadTrigger.Convert, Roles = [Role.Sales],
                Criteria =
                [
                    new NumberAtLeastCriterion { Id = "opp-amount", Field = "amount", Value = 1, Description = "Opportunity amount is set" },
                    new FieldPresentCriterion { Id = "opp-close-date", Field = "expectedCloseDate", Description = "Expected close date is set" },
                ],
            },
            new()
            {
                Trigger = LeadTrigger.Win, Roles = [Role.Sales],
                Criteria = [new NumberAtLeastCriterion { Id = "won-amount", Field = "amount", Value = 1, Description = "Won amount is set" }],
            },
            new() { Trigger = LeadTrigger.Lose, Roles = [Role.Sales] },
            new()
            {
                Trigger = LeadTrigger.Reengage, Roles = [Role.Marketing], AutoAdvance = true, IntegrationMayFire = true,
                Criteria =
                [
                    new TimeInStageCriterion { Id = "recycle-time", Days = 14, Description = "At least 14 days in nurture" },
                    new ActivityCountCriterion { Id = "recycle-engaged", AtLeast = 1, WithinDays = 14, Description = "New engagement in the last 14 days" },
                ],
            },
            new() { Trigger = LeadTrigger.Disqualify, Roles = [Role.Marketing, Role.Sales] },
            new() { Trigger = LeadTrigger.Reopen, Roles = [Role.Admin, Role.Sales] },
        ],
        Reasons = new ReasonLists
        {
            Reject =
            [
                new("not-decision-maker", "Not a decision maker", "title-vp"),
                new("no-need", "No current need"),
                new("bad-contact-data", "Contact data wrong or missing", Reason.DataQuality),
                new("too-early", "Too early in the buying process"),
                new("existing-customer", "Already a customer"),
            ],
            Recycle =
            [
                new("no-budget", "No budget this period", "sql-budget"),
                new("timing", "Timing: revisit later"),
                new("unresponsive", "Stopped responding"),
            ],
            Loss =
            [
                new("price", "Price"),
                new("competitor", "Chose a competitor"),
                new("no-decision", "No decision"),
                new("features", "Missing features"),
            ],
            Disqualify =
            [
                new("spam", "Spam or fake", Reason.DataQuality),
                new("competitor", "Competitor"),
                new("student", "Student or job seeker", "student"),
                new("out-of-territory", "Outside our territory"),
            ],
            Reopen =
            [
                new("closed-by-mistake", "Closed by mistake"),
                new("new-opportunity", "A new opportunity appeared"),
            ],
        },
        Slas = new SlaTerms { MqlResponseHours = 24, SalesAcceptedToSqlDays = 14 },
    };
}
