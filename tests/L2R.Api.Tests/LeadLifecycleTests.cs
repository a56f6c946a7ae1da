using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using L2R.Api.Tests.Infrastructure;

namespace L2R.Api.Tests;

/// <summary>The heart of L2R over real HTTP: a lead moves only when the agreement says so, and every move says why.</summary>
public abstract class LeadLifecycleTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : L2RApiFactory
{
    [Fact]
    public async Task CreateLead_WithValidData_AdvancesToScoredByItself()
    {
        var admin = await ApiSession.SignUpAsync(factory);
        var marketing = await admin.AddUserAsync(factory, "Marketing");

        var created = await marketing.CreateLeadAsync(ApiSession.GoodFitLead());

        Assert.Equal("Scored", created["lead"]!["state"]!.GetValue<string>());
        Assert.Equal(45, created["lead"]!["fitScore"]!.GetValue<int>());
        var history = created["transitions"]!.AsArray();
        Assert.Equal(2, history.Count);
        var entry = history[0]!;
        Assert.Equal(("Created", "Raw", "User", "Marketing user"), (entry["kind"]!.GetValue<string>(), entry["to"]!.GetValue<string>(), entry["actorKind"]!.GetValue<string>(), entry["actorName"]!.GetValue<string>()));
        Assert.Null(entry["from"]);
        Assert.Null(entry["trigger"]);
        var move = history[1]!;
        Assert.Equal("Score", move["trigger"]!.GetValue<string>());
        Assert.Equal("System", move["actorKind"]!.GetValue<string>());
    }

    [Fact]
    public async Task CreatedLeadAndRecordedActivity_TheirLocationsAnswer200()
    {
        var admin = await ApiSession.SignUpAsync(factory);

        var createLead = await admin.Http.PostAsJsonAsync("/api/leads", ApiSession.GoodFitLead(), ApiSession.Json);
        await ApiSession.Expect(createLead, HttpStatusCode.Created);
        var lead = await admin.GetJsonAsync(createLead.Headers.Location!.ToString());
        var recordActivity = await admin.Http.PostAsJsonAsync($"/api/leads/{lead["id"]}/activities", new { type = "Webinar" });
        await ApiSession.Expect(recordActivity, HttpStatusCode.Created);
        var activity = await admin.GetJsonAsync(recordActivity.Headers.Location!.ToString());

        Assert.Equal((await createLead.Content.ReadFromJsonAsync<JsonObject>())!["lead"]!["id"]!.GetValue<string>(), lead["id"]!.GetValue<string>());
        Assert.Equal((await recordActivity.Content.ReadFromJsonAsync<JsonObject>())!["activity"]!["id"]!.GetValue<string>(), activity["id"]!.GetValue<string>());
        Assert.Equal("Webinar", activity["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task ALeadWithOnlyAnEmail_IsNamedByItsEmail_OnTheCardTheListAndItsPage()
    {
        var admin = await ApiSession.SignUpAsync(factory);
        var id = (await admin.CreateLeadAsync(new { email = "only.email@example.com" }))["lead"]!["id"]!.GetValue<string>();

        var card = (await admin.GetJsonAsync("/api/board?take=100"))["columns"]!.AsArray().SelectMany(c => c!["cards"]!.AsArray()).Single(c => c!["id"]!.GetValue<string>() == id)!;
        var row = (await admin.GetJsonAsync("/api/leads?text=only.email"))["items"]!.AsArray().Single()!;
        var page = await admin.GetJsonAsync($"/api/leads/{id}");

        Assert.Equal(["only.email@example.com"], new[] { card, row, page }.Select(n => n["name"]!.GetValue<string>()).Distinct());
    }

    [Fact]
    public async Task CreateLead_WithDuplicateEmailInAnyCase_Is409PointingAtTheExistingLead()
    {
        var admin = await ApiSession.SignUpAsync(factory);
        var first = await admin.CreateLeadAsync(ApiSession.GoodFitLead("Dup.Licate@Example.com"));

        var response = await admin.Http.PostAsJsonAsync("/api/leads", ApiSession.GoodFitLead("dup.licate@example.COM"));

        var problem = await ApiSession.ProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Equal(first["lead"]!["id"]!.GetValue<string>(), problem["existingLeadId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Qualify_WhenEngagementMissing_Is422NamingTheUnmetCriterion()
    {
        var admin = await ApiSession.SignUpAsync(factory);
        var marketing = await admin.AddUserAsync(factory, "Marketing");
        var lead = await marketing.CreateLeadAsync(ApiSession.GoodFitLead());
        var id = LeadId(lead);

        var problem = await ApiSession.ProblemAsync(await marketing.FireAsync(id, "Qualify"), HttpStatusCode.UnprocessableEntity);

        var unmet = problem["criteria"]!.AsArray().Select(c => c!["description"]!.GetValue<string>()).ToList();
        Assert.Contains("Engagement score at least 25", unmet);
        Assert.Contains("At least one activity in the last 30 days", unmet);
        Assert.DoesNotContain("Fit score at least 30", unmet);
        Assert.All(problem["criteria"]!.AsArray(), c => Assert.False(c!["passed"]!.GetValue<bool>()));
        Assert.Equal("Scored", (await marketing.GetJsonAsync($"/api/leads/{id}"))["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task RecordingActivities_AdvancesTheLeadToMqlByItself()
    {
        var admin = await ApiSession.SignUpAsync(factory);
        var marketing = await admin.AddUserAsync(factory, "Marketing");
        var id = LeadId(await marketing.CreateLeadAsync(ApiSession.GoodFitLead()));

        var afterWebinar = await marketing.RecordActivityAsync(id, "Webinar");
        Assert.Equal("Scored", afterWebinar["lead"]!["state"]!.GetValue<string>());

        var afterForm = await marketing.RecordActivityAsync(id, "FormSubmission");

        Assert.Equal("MQL", afterForm["lead"]!["state"]!.GetValue<string>());
        var qualify = Assert.Single(afterForm["transitions"]!.AsArray());
        Assert.Equal("Qualify", qualify!["trigger"]!.GetValue<string>());
        Assert.All(qualify["criteria"]!.AsArray(), c => Assert.True(c!["passed"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task SalesAccepts_MarketingMayNot_RejectNeedsAReason_AndHistoryExplainsEveryMove()
    {
        var admin = await ApiSession.SignUpAsync(factory);
        var marketing = await admin.AddUserAsync(factory, "Marketing");
        var sales = await admin.AddUserAsync(factory, "Sales");
        var accepted = await MqlLeadAsync(marketing);
        var rejected = await MqlLeadAsync(marketing);

        await ApiSession.ProblemAsync(await marketing.FireAsync(accepted, "Accept"), HttpStatusCode.Forbidden);
        var accept = await sales.FireAsync(accepted, "Accept");
        await ApiSession.Expect(accept, HttpStatusCode.OK);
        var acceptedLead = (await accept.Content.ReadFromJsonAsync<JsonObject>())!["lead"]!;
        Assert.Equal("SalesAccepted", acceptedLead["state"]!.GetValue<string>());
        Assert.NotNull(acceptedLead["ownerId"]);

        var missingReason = await ApiSession.ProblemAsync(await sales.FireAsync(rejected, "Reject"), HttpStatusCode.BadRequest);
        Assert.NotNull(missingReason["errors"]!["reasonCode"]);
        var unknownReason = await ApiSession.ProblemAsync(await sales.FireAsync(rejected, "Reject", "because"), HttpStatusCode.BadRequest);
        Assert.NotNull(unknownReason["errors"]!["reasonCode"]);
        await ApiSession.Expect(await sales.FireAsync(rejected, "Reject", "no-need"), HttpStatusCode.OK);

        var history = (await sales.GetJsonAsync($"/api/leads/{rejected}/history"))["transitions"]!.AsArray();
        Assert.Equal([null, "Score", "Qualify", "Reject"], history.Select(h => h!["trigger"]?.GetValue<string>()));
        var reject = history[^1]!;
        Assert.Equal("Nurture", reject["to"]!.GetValue<string>());
        Assert.Equal("no-need", reject["reasonCode"]!.GetValue<string>());
        Assert.Equal("User", reject["actorKind"]!.GetValue<string>());
        Assert.All(history, h => Assert.Equal(1, h!["agreementVersion"]!.GetValue<int>()));
        var qualify = history[2]!;
        Assert.Equal(3, qualify["criteria"]!.AsArray().Count);
        Assert.All(qualify["criteria"]!.AsArray(), c => Assert.False(string.IsNullOrEmpty(c!["actual"]!.GetValue<string>())));
    }

    [Fact]
    public async Task TwoConcurrentTransitions_OneWinsOneConflicts_HistoryStaysConsistent()
    {
        var admin = await ApiSession.SignUpAsync(factory);
        var marketing = await admin.AddUserAsync(factory, "Marketing");
        var sales = await admin.AddUserAsync(factory, "Sales");
        var other = await admin.AddUserAsync(factory, "Sales");
        var id = await MqlLeadAsync(marketing);

        var responses = await Task.WhenAll(sales.FireAsync(id, "Accept"), other.FireAsync(id, "Reject", "no-need"));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Conflict);
        var lead = await sales.GetJsonAsync($"/api/leads/{id}");
        var history = (await sales.GetJsonAsync($"/api/leads/{id}/history"))["transitions"]!.AsArray();
        Assert.Equal(4, history.Count);
        Assert.Equal(lead["state"]!.GetValue<string>(), history[^1]!["to"]!.GetValue<string>());
    }

    [Fact]
    public async Task Transition_WithStaleIfMatch_Is412AndChangesNothing()
    {
        var admin = await ApiSession.SignUpAsync(factory);
        var marketing = await admin.AddUserAsync(factory, "Marketing");
        var sales = await admin.AddUserAsync(factory, "Sales");
        var id = await MqlLeadAsync(marketing);
        var version = (await sales.GetJsonAsync($"/api/leads/{id}"))["version"]!.GetValue<int>();

        await ApiSession.ProblemAsync(await sales.FireAsync(id, "Accept", ifMatch: $"\"{version - 1}\""), HttpStatusCode.PreconditionFailed);
        Assert.Equal("MQL", (await sales.GetJsonAsync($"/api/leads/{id}"))["state"]!.GetValue<string>());

        await ApiSession.Expect(await sales.FireAsync(id, "Accept", ifMatch: $"\"{version}\""), HttpStatusCode.OK);
    }

    [Fact]
    public async Task Trigger_NotValidFromTheCurrentState_Is409()
    {
        var admin = await ApiSession.SignUpAsync(factory);
        var sales = await admin.AddUserAsync(factory, "Sales");
        var id = LeadId(await admin.CreateLeadAsync(ApiSession.GoodFitLead()));

        var problem = await ApiSession.ProblemAsync(await sales.FireAsync(id, "Win"), HttpStatusCode.Conflict);

        Assert.Contains("not a move from Scored", problem["detail"]!.GetValue<string>());
    }

    protected static Guid LeadId(JsonObject created) => Guid.Parse(created["lead"]!["id"]!.GetValue<string>());

    private static async Task<Guid> MqlLeadAsync(ApiSession marketing)
    {
        var id = LeadId(await marketing.CreateLeadAsync(ApiSession.GoodFitLead()));
        await marketing.RecordActivityAsync(id, "Webinar");
        var result = await marketing.RecordActivityAsync(id, "FormSubmission");
        Assert.Equal("MQL", result["lead"]!["state"]!.GetValue<string>());
        return id;
    }
}

public sealed class SqliteLeadLifecycleTests(SqliteApiFactory factory) : LeadLifecycleTests<SqliteApiFactory>(factory);

public sealed class PostgresLeadLifecycleTests(PostgresApiFactory factory) : LeadLifecycleTests<PostgresApiFactory>(factory);
