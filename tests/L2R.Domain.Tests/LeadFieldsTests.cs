using L2R.Domain.Leads;

namespace L2R.Domain.Tests;

public class LeadFieldsTests
{
    [Theory]
    [InlineData("email", true)]
    [InlineData("EMAIL", true)]
    [InlineData("companySize", true)]
    [InlineData("expectedCloseDate", true)]
    [InlineData("daysInStage", true)]
    [InlineData("custom.tier", true)]
    [InlineData("custom.", false)]
    [InlineData("Custom.tier", false)]
    [InlineData("tier", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsKnown_StandardAndCustomFields(string? name, bool known)
    {
        Assert.Equal(known, LeadFields.IsKnown(name));
    }

    [Theory]
    [InlineData("companySize", true)]
    [InlineData("annualRevenue", true)]
    [InlineData("amount", true)]
    [InlineData("fitScore", true)]
    [InlineData("daysInStage", true)]
    [InlineData("custom.seats", true)]
    [InlineData("title", false)]
    [InlineData("budget", false)]
    [InlineData("expectedCloseDate", false)]
    [InlineData("nope", false)]
    public void IsNumeric_NumberAndCustomFields(string name, bool numeric)
    {
        Assert.Equal(numeric, LeadFields.IsNumeric(name));
    }

    [Theory]
    [InlineData("companySize", "Company size")]
    [InlineData("ownerId", "Owner")]
    [InlineData("custom.tier", "tier")]
    [InlineData("nope", "nope")]
    public void LabelOf_GivesPlainLabel(string name, string label)
    {
        Assert.Equal(label, LeadFields.LabelOf(name));
    }

    [Fact]
    public void All_HasUniqueNamesCoveringTheDocumentedFields()
    {
        var names = LeadFields.All.Select(f => f.Name).ToList();

        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(
            [
                "firstName", "lastName", "email", "phone", "title", "company", "website", "industry", "country", "companySize",
                "annualRevenue", "source", "campaign", "ownerId", "budget", "authority", "need", "timeline", "amount",
                "expectedCloseDate", "fitScore", "engagementScore", "totalScore", "daysInStage",
            ],
            names);
    }

    [Fact]
    public void ReadText_FormatsEachKindInvariantly()
    {
        var owner = Guid.Parse("11111111-2222-3333-4444-555555555555");
        var facts = LeadBuilder.Empty().With(l =>
        {
            l.Title = "VP";
            l.CompanySize = 1200;
            l.AnnualRevenue = 2_500_000.75m;
            l.Budget = true;
            l.ExpectedCloseDate = new DateTime(2025, 12, 31);
            l.OwnerId = owner;
        }).Facts();

        Assert.Equal("VP", LeadFields.ReadText(facts, "title"));
        Assert.Equal("1200", LeadFields.ReadText(facts, "companySize"));
        Assert.Equal("2500000.75", LeadFields.ReadText(facts, "annualRevenue"));
        Assert.Equal("yes", LeadFields.ReadText(facts, "budget"));
        Assert.Equal("no", LeadFields.ReadText(facts, "need"));
        Assert.Equal("2025-12-31", LeadFields.ReadText(facts, "expectedCloseDate"));
        Assert.Equal(owner.ToString(), LeadFields.ReadText(facts, "ownerId"));
        Assert.Null(LeadFields.ReadText(facts, "phone"));
        Assert.Null(LeadFields.ReadText(facts, "custom.missing"));
    }

    [Fact]
    public void ReadNumber_ConvertsNumbersFlagsAndNumericText()
    {
        var facts = LeadBuilder.Empty()
            .With(l =>
            {
                l.CompanySize = 300;
                l.Authority = true;
            })
            .WithScores(fit: 12, engagement: 3)
            .WithCustom("seats", "1,250.5")
            .WithCustom("note", "many")
            .InState(LeadState.MQL, enteredDaysAgo: 2.5)
            .Facts();

        Assert.Equal(300m, LeadFields.ReadNumber(facts, "companySize"));
        Assert.Equal(1m, LeadFields.ReadNumber(facts, "authority"));
        Assert.Equal(0m, LeadFields.ReadNumber(facts, "budget"));
        Assert.Equal(15m, LeadFields.ReadNumber(facts, "totalScore"));
        Assert.Equal(2m, LeadFields.ReadNumber(facts, "daysInStage"));
        Assert.Equal(1250.5m, LeadFields.ReadNumber(facts, "custom.seats"));
        Assert.Null(LeadFields.ReadNumber(facts, "custom.note"));
        Assert.Null(LeadFields.ReadNumber(facts, "annualRevenue"));
        Assert.Null(LeadFields.ReadNumber(facts, "expectedCloseDate"));
    }

    [Fact]
    public void DaysInStage_NeverNegative()
    {
        var facts = LeadBuilder.Empty().InState(LeadState.Raw, enteredDaysAgo: -1).Facts();

        Assert.Equal(0, facts.DaysInStage);
    }

    [Theory]
    [InlineData("Jane", "Doe", "jane@example.com", "Jane Doe")]
    [InlineData(null, "Doe", "jane@example.com", "Doe")]
    [InlineData(" ", null, "jane@example.com", "jane@example.com")]
    [InlineData(null, null, null, "(no name)")]
    public void DisplayName_FallsBackToEmail(string? first, string? last, string? email, string expected)
    {
        var lead = new Lead { FirstName = first, LastName = last, Email = email };

        Assert.Equal(expected, lead.DisplayName);
    }
}
