using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using L2R.Api.Features.Agreements.RunActivation;
using L2R.Api.Features.Reviews.PrepareDueBriefs;
using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Outbox;
using L2R.Api.Infrastructure.Tenancy;
using L2R.Api.Tests.Infrastructure;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace L2R.Api.Tests;

/// <summary>
/// The joint review over HTTP: a brief over known data reports exactly what passed the thresholds, the scheduled brief
/// comes once the day before in the tenant's time zone, decisions become agreement drafts, and the next brief says
/// whether they worked. Each test travels from a meeting a month ago (10:00 UTC), so tokens are made for time travel.
/// </summary>
public abstract class ReviewTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : L2RApiFactory
{
    /// <summary>A weekly meeting a month ago: the brief under test is for the one a week after it.</summary>
    private static readonly DateTime Meeting = DateTime.UtcNow.Date.AddDays(-30).AddHours(10);

    [Fact]
    public async Task Brief_OverKnownData_ListsExactlyTheChangesBeyondTheThresholds_AndExportsAsMarkdown()
    {
        var team = await FitAloneTeamAsync();
        using var travel = factory.Clock.TravelTo(Meeting.AddDays(-3).AddHours(-1));
        await SetWeeklyCadenceAsync(team);

        // The previous period: Ads 15 accepted, 5 rejected too early; Webinar 6 accepted, 3 rejected for no need.
        await DecideAsync(team, travel, "Ads", Meeting.AddDays(-3), accepted: 15, rejected: 5, "too-early");
        await DecideAsync(team, travel, "Webinar", Meeting.AddDays(-3).AddHours(3), accepted: 6, rejected: 3, "no-need");

        // Since the last meeting: too early doubled (5 → 10); no need doubled too, but on 6 leads at most (below 10).
        await DecideAsync(team, travel, "Ads", Meeting.AddDays(2), accepted: 10, rejected: 10, "too-early");
        await DecideAsync(team, travel, "Webinar", Meeting.AddDays(2).AddHours(3), accepted: 3, rejected: 6, "no-need");

        travel.Now = Meeting.AddDays(6);
        var review = await NextReviewAsync(team.Marketing);
        Assert.Equal(DateOnly.FromDateTime(Meeting.AddDays(7)).ToString("yyyy-MM-dd"), review["localDate"]!.GetValue<string>());
        var brief = await GenerateAsync(team.Marketing, review);

        var content = brief["content"]!;
        Assert.Equal(Meeting, content["from"]!.GetValue<DateTime>().ToUniversalTime());
        var sections = content["sections"]!.AsArray().ToDictionary(s => s!["key"]!.GetValue<string>(), s => s!["items"]!.AsArray());
        Assert.Equal(["waterfall", "acceptance", "reasons", "clauses", "sla", "sources", "intel", "scorecard", "actions", "decisions"], sections.Keys);
        Assert.Equal(["MQL conversion fell to 45% of 29, from 72% of 29", "SalesAccepted: 13 entries, down 38% from 21", "Nurture: 16 entries, up 100% from 8"],
            sections["waterfall"].Select(Text));
        var acceptance = Assert.Single(sections["acceptance"])!;
        Assert.Equal(("Fell", 21 / 29.0, 13 / 29.0, 29, 29), (acceptance["direction"]!.GetValue<string>(), acceptance["before"]!.GetValue<double>(),
            acceptance["after"]!.GetValue<double>(), acceptance["beforeSample"]!.GetValue<int>(), acceptance["afterSample"]!.GetValue<int>()));
        Assert.Equal(16, acceptance["leadIds"]!.AsArray().Count);
        var reason = Assert.Single(sections["reasons"])!;
        Assert.Equal("Reject \"Too early in the buying process\": 10 times, up 100% from 5", Text(reason));
        Assert.Equal(10, reason["leadIds"]!.AsArray().Count);
        Assert.Contains("trigger=Reject", reason["metricsUrl"]!.GetValue<string>(), StringComparison.Ordinal);
        var source = Assert.Single(sections["sources"])!;
        Assert.StartsWith("Ads: MQL acceptance slipped to 50% of 20, from 75% of 20", Text(source), StringComparison.Ordinal);
        Assert.Contains("source=Ads", source["metricsUrl"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(sections["clauses"]);
        Assert.Empty(sections["sla"]);
        Assert.Empty(sections["intel"]);
        Assert.Empty(sections["scorecard"]);
        Assert.Empty(sections["actions"]);
        Assert.Empty(sections["decisions"]);

        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/reviews/{Id(review)}/brief");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/markdown"));
        var markdown = await team.Sales.Http.SendAsync(request);
        await ApiSession.Expect(markdown, HttpStatusCode.OK);
        Assert.Equal("text/markdown", markdown.Content.Headers.ContentType?.MediaType);
        var text = await markdown.Content.ReadAsStringAsync();
        Assert.StartsWith($"# Review of {review["localDate"]}: brief", text, StringComparison.Ordinal);
        Assert.Contains("## Reasons that grew\n\n- Reject \"Too early in the buying process\": 10 times, up 100% from 5 ([numbers](http://localhost/metrics?mode=Period", text, StringComparison.Ordinal);
        Assert.Contains("## SLA compliance\n\nNothing beyond the thresholds.", text, StringComparison.Ordinal);
        var file = await team.Sales.Http.GetAsync($"/api/reviews/{Id(review)}/brief.md");
        await ApiSession.Expect(file, HttpStatusCode.OK);
        Assert.Equal("attachment", file.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(text, await file.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Brief_ReportsACompetitorHeardMoreOften_AndEachSharedGoalAgainstItsTarget()
    {
        var team = await Team.CreateAsync(factory);
        await team.ActivateAsync(agreement =>
        {
            KnownFunnel.QualifyOnFitAlone(agreement);
            agreement["scorecard"] = new JsonObject
            {
                ["goals"] = new JsonArray(new JsonObject { ["id"] = "acceptance", ["measure"] = "MqlAcceptanceRate", ["target"] = 0.6, ["minimumSample"] = 10 }),
            };
        });
        team = await team.ForTimeTravelAsync(factory);
        using var travel = factory.Clock.TravelTo(Meeting.AddDays(-3).AddHours(-1));
        await SetWeeklyCadenceAsync(team);
        var tag = await team.Sales.Http.PostAsJsonAsync("/api/intel/tags", new { kind = "Competitor", label = "Pipedrive" });
        var pipedrive = (await tag.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();

        // Before the last meeting: 15 of 20 accepted, nobody mentioned Pipedrive. Since: 8 of 20, and 12 rejections heard it.
        await DecideAsync(team, travel, "Ads", Meeting.AddDays(-3), accepted: 15, rejected: 5, "too-early");
        await DecideAsync(team, travel, "Ads", Meeting.AddDays(2), accepted: 8, rejected: 12, "no-need", new { competitors = new[] { pipedrive } });

        travel.Now = Meeting.AddDays(6);
        var brief = await GenerateAsync(team.Marketing, await NextReviewAsync(team.Marketing));

        var sections = brief["content"]!["sections"]!.AsArray().ToDictionary(s => s!["key"]!.GetValue<string>(), s => s!["items"]!.AsArray());
        var rose = Assert.Single(sections["intel"])!;
        Assert.Equal("Competitor \"Pipedrive\": heard on 12 leads, up from 0", Text(rose));
        Assert.Equal(("Rose", 12), (rose["direction"]!.GetValue<string>(), rose["leadIds"]!.AsArray().Count));
        var goal = Assert.Single(sections["scorecard"])!;
        Assert.Equal("MQL acceptance ≥ 60%: 40% of 20, missed (before: 75% of 20)", Text(goal));
        Assert.Equal(("Fell", 0.75, 0.4), (goal["direction"]!.GetValue<string>(), goal["before"]!.GetValue<double>(), goal["after"]!.GetValue<double>()));
    }

    [Fact]
    public async Task ScheduledBrief_ComesOnce_FromTheStartOfTheDayBefore_InTheTenantsTimeZone_WithItsEvent()
    {
        var team = await (await Team.CreateAsync(factory)).ForTimeTravelAsync(factory);
        var newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        using var travel = factory.Clock.TravelTo(Meeting.AddDays(-3));
        var calendar = new
        {
            timeZone = "America/New_York",
            workingHours = new[] { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday" }.Select(day => new { day, start = "09:00:00", end = "17:00:00" }),
        };
        await ApiSession.Expect(await team.Admin.Http.PutAsJsonAsync("/api/calendar", calendar), HttpStatusCode.OK);
        await SetWeeklyCadenceAsync(team);
        var review = await NextReviewAsync(team.Admin);
        var meetingDate = DateOnly.FromDateTime(Meeting);
        var due = TimeZoneInfo.ConvertTimeToUtc(meetingDate.AddDays(-1).ToDateTime(TimeOnly.MinValue), newYork);
        Assert.Equal(TimeZoneInfo.ConvertTimeToUtc(meetingDate.ToDateTime(new TimeOnly(10, 0)), newYork), review["startsAt"]!.GetValue<DateTime>().ToUniversalTime());
        Assert.Equal(due, review["briefDueAt"]!.GetValue<DateTime>().ToUniversalTime());

        travel.Now = due.AddMinutes(-1);
        Assert.Null((await PrepareDueBriefsAsync(team)).BriefVersion);
        travel.Now = due.AddMinutes(1);
        Assert.Equal((Guid.Parse(Id(review)), 1), ((await PrepareDueBriefsAsync(team)).ReviewId, (await BriefVersionsAsync(team, review)).Single()));
        travel.Now = due.AddHours(5);
        Assert.Null((await PrepareDueBriefsAsync(team)).BriefVersion);

        var brief = await team.Sales.GetJsonAsync($"/api/reviews/{Id(review)}/brief");
        Assert.Equal((1, "scheduled"), (brief["version"]!.GetValue<int>(), brief["generatedByName"]!.GetValue<string>()));
        Assert.Equal(due.AddMinutes(1), brief["generatedAt"]!.GetValue<DateTime>().ToUniversalTime());
        var ready = Assert.Single(await EventsAsync(team, EventTypes.ReviewBriefReady));
        var data = JsonNode.Parse(ready.Data)!;
        Assert.Equal((Id(review), 1, true), (data["reviewId"]!.GetValue<string>(), data["version"]!.GetValue<int>(), data["scheduled"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task Regenerating_KeepsTheEarlierVersion_AndEachAnswersAsFrozen()
    {
        var team = await (await Team.CreateAsync(factory)).ForTimeTravelAsync(factory);
        using var travel = factory.Clock.TravelTo(Meeting.AddDays(-1));
        await SetWeeklyCadenceAsync(team);
        var review = await NextReviewAsync(team.Marketing);
        await ApiSession.ProblemAsync(await team.Marketing.Http.GetAsync($"/api/reviews/{Id(review)}/brief"), HttpStatusCode.NotFound);

        var first = await GenerateAsync(team.Marketing, review);
        travel.Now = Meeting.AddHours(-2);
        var second = await GenerateAsync(team.Sales, review);

        Assert.Equal((1, 2), (first["version"]!.GetValue<int>(), second["version"]!.GetValue<int>()));
        Assert.Equal([1, 2], await BriefVersionsAsync(team, review));
        var old = await team.Admin.GetJsonAsync($"/api/reviews/{Id(review)}/brief?version=1");
        Assert.Equal(first.ToJsonString(), old.ToJsonString());
        Assert.Equal(2, (await team.Admin.GetJsonAsync($"/api/reviews/{Id(review)}/brief"))["version"]!.GetValue<int>());
        Assert.Equal(Meeting.AddHours(-2), (await team.Admin.GetJsonAsync($"/api/reviews/{Id(review)}/brief"))["content"]!["to"]!.GetValue<DateTime>().ToUniversalTime());
        Assert.Equal(2, (await EventsAsync(team, EventTypes.ReviewBriefReady)).Count);
        await ApiSession.ProblemAsync(await team.Admin.Http.GetAsync($"/api/reviews/{Id(review)}/brief?version=3"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ADecision_StartsADraftWithTheChange_LinkedToTheReview_AndTheNextAddsToIt_ClearingItsApprovals()
    {
        var team = await (await Team.CreateAsync(factory)).ForTimeTravelAsync(factory);
        using var travel = factory.Clock.TravelTo(Meeting.AddDays(-1));
        await SetWeeklyCadenceAsync(team);
        var review = await NextReviewAsync(team.Admin);
        travel.Now = Meeting.AddMinutes(30);

        var first = await DecideAsync(team.Admin, review, new { kind = "setRulePoints", scoring = "Fit", ruleId = "title-vp", points = 25 }, HttpStatusCode.Created);
        Assert.Equal((1, 2, "Set the fit rule title-vp to 25 points"), (first["number"]!.GetValue<int>(), first["draftVersion"]!.GetValue<int>(), first["text"]!.GetValue<string>()));
        var draftId = first["draftId"]!.GetValue<string>();
        var draft = await team.Admin.GetJsonAsync($"/api/agreement/drafts/{draftId}");
        Assert.Equal(25, FitPoints(draft, "title-vp"));
        var audit = (await team.Admin.GetJsonAsync("/api/agreement/audit")).AsArray();
        Assert.Contains(audit, e => e!["action"]!.GetValue<string>() == "Edited"
            && e["detail"]!.GetValue<string>().StartsWith($"From the review of {review["localDate"]}, decision 1.", StringComparison.Ordinal));

        await ApiSession.Expect(await team.Marketing.Http.PostAsJsonAsync($"/api/agreement/drafts/{draftId}/approvals", new { role = "Marketing" }), HttpStatusCode.OK);
        var second = await DecideAsync(team.Admin, review, new { kind = "setCriterionValue", trigger = "Qualify", criterionId = "mql-fit", value = 35 }, HttpStatusCode.Created);
        Assert.Equal((2, 2, draftId), (second["number"]!.GetValue<int>(), second["draftVersion"]!.GetValue<int>(), second["draftId"]!.GetValue<string>()));
        draft = await team.Admin.GetJsonAsync($"/api/agreement/drafts/{draftId}");
        Assert.Empty(draft["approvals"]!.AsArray());
        Assert.Equal(25, FitPoints(draft, "title-vp"));
        Assert.Equal(35, Team.Transition(draft["agreement"]!.AsObject(), "Qualify")["criteria"]!.AsArray().Single(c => c!["id"]!.GetValue<string>() == "mql-fit")!["value"]!.GetValue<int>());

        // Only Admins change the agreement; anyone taking part records a decision in words.
        await ApiSession.ProblemAsync(await team.Marketing.Http.PostAsJsonAsync($"/api/reviews/{Id(review)}/decisions",
            new { change = new { kind = "setRulePoints", scoring = "Fit", ruleId = "title-vp", points = 5 } }), HttpStatusCode.Forbidden);
        var words = await team.Sales.Http.PostAsJsonAsync($"/api/reviews/{Id(review)}/decisions", new { text = "Sales calls webinar leads within a day" });
        await ApiSession.Expect(words, HttpStatusCode.Created);
        Assert.Null((await words.Content.ReadFromJsonAsync<JsonObject>())!["draftVersion"]);

        // A change the agreement cannot take, or one that leaves it invalid, writes nothing.
        var revision = draft["revision"]!.GetValue<int>();
        var unknown = await ApiSession.ProblemAsync(await team.Admin.Http.PostAsJsonAsync($"/api/reviews/{Id(review)}/decisions",
            new { change = new { kind = "setRulePoints", scoring = "Fit", ruleId = "no-such-rule", points = 5 } }), HttpStatusCode.BadRequest);
        Assert.NotNull(unknown["errors"]!["change.ruleId"]);
        await ApiSession.ProblemAsync(await team.Admin.Http.PostAsJsonAsync($"/api/reviews/{Id(review)}/decisions",
            new { change = new { kind = "addReason", list = "Reject", code = "odd", label = "Odd", disputes = "no-such-clause" } }), HttpStatusCode.BadRequest);
        Assert.Equal(revision, (await team.Admin.GetJsonAsync($"/api/agreement/drafts/{draftId}"))["revision"]!.GetValue<int>());
        Assert.Equal(3, (await team.Admin.GetJsonAsync($"/api/reviews/{Id(review)}"))["decisions"]!.AsArray().Count);
    }

    [Fact]
    public async Task TheNextBrief_ReportsBeforeAndAfter_OfTheMeasureAnActivatedChangeAimedAt_AndWhatBecameOfEachAction()
    {
        var team = await FitAloneTeamAsync();
        using var travel = factory.Clock.TravelTo(Meeting.AddDays(-5));
        await SetWeeklyCadenceAsync(team);
        var last = await NextReviewAsync(team.Admin);
        await DecideAsync(team, travel, "Ads", Meeting.AddDays(-2), accepted: 5, rejected: 5, "too-early");

        travel.Now = Meeting.AddMinutes(30);
        var raise = await DecideAsync(team.Admin, last, new { kind = "setCriterionValue", trigger = "Qualify", criterionId = "mql-fit", value = 35 }, HttpStatusCode.Created);
        var done = await AddActionAsync(team, last, "Send the webinar list to sales", Meeting.AddDays(5));
        await AddActionAsync(team, last, "Review the too-early reason", Meeting.AddDays(5));
        await ApiSession.Expect(await team.Sales.Http.PutAsJsonAsync($"/api/reviews/{Id(last)}/actions/{done["id"]}",
            new { title = "Send the webinar list to sales", ownerId = done["ownerId"], dueDate = done["dueDate"], status = "Done", version = done["version"] }), HttpStatusCode.OK);

        travel.Now = Meeting.AddDays(1);
        await ActivateWhileTravellingAsync(team, raise["draftId"]!.GetValue<string>());
        var retire = await DecideAsync(team.Admin, last, new { kind = "retireReason", list = "Reject", code = "no-need" }, HttpStatusCode.Created);
        Assert.Equal(raise["draftVersion"]!.GetValue<int>() + 1, retire["draftVersion"]!.GetValue<int>());
        await DecideAsync(team, travel, "Ads", Meeting.AddDays(3), accepted: 9, rejected: 1, "too-early");

        travel.Now = Meeting.AddDays(6);
        var brief = await GenerateAsync(team.Sales, await NextReviewAsync(team.Sales));

        var sections = brief["content"]!["sections"]!.AsArray().ToDictionary(s => s!["key"]!.GetValue<string>(), s => s!["items"]!.AsArray());
        var decisions = sections["decisions"];
        Assert.Equal(2, decisions.Count);
        Assert.Equal((0.5, 0.9, 10, 10, "Rose"), (decisions[0]!["before"]!.GetValue<double>(), decisions[0]!["after"]!.GetValue<double>(),
            decisions[0]!["beforeSample"]!.GetValue<int>(), decisions[0]!["afterSample"]!.GetValue<int>(), decisions[0]!["direction"]!.GetValue<string>()));
        Assert.StartsWith($"Decision 1 (Set the Qualify criterion mql-fit to 35), live in version {raise["draftVersion"]} since", Text(decisions[0]!), StringComparison.Ordinal);
        Assert.Contains("MQL acceptance 50% of 10 before, 90% of 10 since — rose.", Text(decisions[0]!), StringComparison.Ordinal);
        Assert.Equal($"Decision 2 (Retire the reject reason no-need): not yet activated (draft {retire["draftVersion"]}).", Text(decisions[1]!));
        Assert.Equal(["Sales user: Send the webinar list to sales — done", $"Sales user: Review the too-early reason — still open, due {Meeting.AddDays(5):yyyy-MM-dd}"],
            sections["actions"].Select(a => Text(a!)));
    }

    [Fact]
    public async Task Reviews_AreTenantIsolated_ForPeopleOnly_AndNotesBelongToTheirAuthors()
    {
        var team = await (await Team.CreateAsync(factory)).ForTimeTravelAsync(factory);
        var other = await (await Team.CreateAsync(factory)).ForTimeTravelAsync(factory);
        using var travel = factory.Clock.TravelTo(Meeting.AddDays(-1));
        await ApiSession.ProblemAsync(await team.Marketing.Http.PutAsJsonAsync("/api/reviews/cadence", Cadence()), HttpStatusCode.Forbidden);
        await SetWeeklyCadenceAsync(team);
        var review = await NextReviewAsync(team.Admin);
        var item = await team.Marketing.Http.PostAsJsonAsync($"/api/reviews/{Id(review)}/agenda", new { text = "Why did webinar leads slip?" });
        await ApiSession.Expect(item, HttpStatusCode.Created);
        var note = (await item.Content.ReadFromJsonAsync<JsonObject>())!;
        await ApiSession.Expect(await team.Sales.Http.PostAsJsonAsync($"/api/reviews/{Id(review)}/comments", new { text = "Half of them were students." }), HttpStatusCode.Created);
        var action = await AddActionAsync(team, review, "Check the student rule", Meeting.AddDays(3));
        var shown = await team.Admin.GetJsonAsync($"/api/reviews/{Id(review)}");
        Assert.Equal((1, 1, 1), (shown["agendaItems"]!.AsArray().Count, shown["comments"]!.AsArray().Count, shown["actions"]!.AsArray().Count));

        await ApiSession.ProblemAsync(await team.Sales.Http.PutAsJsonAsync($"/api/reviews/{Id(review)}/notes/{note["id"]}", new { text = "Mine now" }), HttpStatusCode.Forbidden);
        await ApiSession.Expect(await team.Marketing.Http.PutAsJsonAsync($"/api/reviews/{Id(review)}/notes/{note["id"]}", new { text = "Why did Webinar slip?" }), HttpStatusCode.OK);

        Assert.Empty((await other.Admin.GetJsonAsync("/api/reviews")).AsArray());
        foreach (var response in new[]
        {
            await other.Admin.Http.GetAsync($"/api/reviews/{Id(review)}"),
            await other.Admin.Http.GetAsync($"/api/reviews/{Id(review)}/brief"),
            await other.Admin.Http.PostAsync($"/api/reviews/{Id(review)}/brief", null),
            await other.Admin.Http.PostAsJsonAsync($"/api/reviews/{Id(review)}/agenda", new { text = "Hello" }),
            await other.Admin.Http.PutAsJsonAsync($"/api/reviews/{Id(review)}/notes/{note["id"]}", new { text = "Hello" }),
            await other.Admin.Http.DeleteAsync($"/api/reviews/{Id(review)}/notes/{note["id"]}"),
            await other.Admin.Http.PostAsJsonAsync($"/api/reviews/{Id(review)}/decisions", new { text = "Hello" }),
            await other.Admin.Http.PutAsJsonAsync($"/api/reviews/{Id(review)}/actions/{action["id"]}", new { title = "x", ownerId = action["ownerId"], dueDate = "2030-01-01" }),
        })
        {
            await ApiSession.ProblemAsync(response, HttpStatusCode.NotFound);
        }

        // An owner from another tenant is no owner here.
        var foreignOwner = (await other.Sales.GetJsonAsync("/api/me"))["id"]!.GetValue<string>();
        var refused = await ApiSession.ProblemAsync(await team.Admin.Http.PostAsJsonAsync($"/api/reviews/{Id(review)}/actions", new { title = "x", ownerId = foreignOwner, dueDate = "2030-01-01" }), HttpStatusCode.BadRequest);
        Assert.NotNull(refused["errors"]!["ownerId"]);

        travel.Dispose();
        var client = await ApiClientSession.CreateAsync(factory, await ApiSession.LoginAsync(factory, team.Admin.TenantSlug, team.Admin.Email), "Reader", "leads:read", "metrics:read");
        await ApiSession.ProblemAsync(await client.Http.GetAsync("/api/reviews"), HttpStatusCode.Forbidden);
        await ApiSession.ProblemAsync(await client.Http.GetAsync($"/api/reviews/{Id(review)}/brief"), HttpStatusCode.Forbidden);
    }

    private async Task<Team> FitAloneTeamAsync()
    {
        var team = await Team.CreateAsync(factory);
        await team.ActivateAsync(KnownFunnel.QualifyOnFitAlone);
        return await team.ForTimeTravelAsync(factory);
    }

    private static object Cadence() => new
    {
        weekday = Meeting.DayOfWeek.ToString(),
        everyWeeks = 1,
        firstDate = DateOnly.FromDateTime(Meeting.AddDays(-28)).ToString("yyyy-MM-dd"),
        localTime = "10:00:00",
        participants = Array.Empty<Guid>(),
    };

    private static async Task SetWeeklyCadenceAsync(Team team) =>
        await ApiSession.Expect(await team.Admin.Http.PutAsJsonAsync("/api/reviews/cadence", Cadence()), HttpStatusCode.OK);

    private static async Task<JsonNode> NextReviewAsync(ApiSession session) =>
        (await session.GetJsonAsync("/api/reviews")).AsArray().First(r => !r!["isPast"]!.GetValue<bool>())!;

    private static async Task<JsonObject> GenerateAsync(ApiSession session, JsonNode review)
    {
        var response = await session.Http.PostAsync($"/api/reviews/{Id(review)}/brief", null);
        await ApiSession.Expect(response, HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static async Task<JsonObject> DecideAsync(ApiSession session, JsonNode review, object change, HttpStatusCode expected)
    {
        var response = await session.Http.PostAsJsonAsync($"/api/reviews/{Id(review)}/decisions", new { change });
        await ApiSession.Expect(response, expected);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static async Task<JsonObject> AddActionAsync(Team team, JsonNode review, string title, DateTime due)
    {
        var owner = (await team.Sales.GetJsonAsync("/api/me"))["id"]!.GetValue<string>();
        var response = await team.Admin.Http.PostAsJsonAsync($"/api/reviews/{Id(review)}/actions", new { title, ownerId = owner, dueDate = DateOnly.FromDateTime(due).ToString("yyyy-MM-dd") });
        await ApiSession.Expect(response, HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    /// <summary>Creates the leads at <paramref name="at"/> (MQLs on fit alone) and has sales decide on them two hours later, telling what they heard on each rejection.</summary>
    private static async Task DecideAsync(Team team, TestClock.Travel travel, string source, DateTime at, int accepted, int rejected, string reason, object? intel = null)
    {
        travel.Now = at;
        var ids = new List<Guid>();
        for (var i = 0; i < accepted + rejected; i++)
        {
            var created = await team.Marketing.CreateLeadAsync(new
            {
                firstName = "Vera",
                lastName = $"Vance {i}",
                email = $"vera.{Guid.NewGuid():N}@globex.example",
                phone = "+1 555 010 2020",
                title = "VP Operations",
                company = "Globex",
                companySize = 500,
                industry = "Software",
                source,
            });
            ids.Add(Guid.Parse(created["lead"]!["id"]!.GetValue<string>()));
        }

        travel.Now = at.AddHours(2);
        for (var i = 0; i < ids.Count; i++)
        {
            var decided = i < accepted
                ? await team.Sales.FireAsync(ids[i], "Accept")
                : await team.Sales.Http.PostAsJsonAsync($"/api/leads/{ids[i]}/transitions", new { trigger = "Reject", reasonCode = reason, intel });
            await ApiSession.Expect(decided, HttpStatusCode.OK);
        }
    }

    /// <summary>
    /// Signs off and activates the draft at the travelled time, then runs its re-scoring here, as the demo seeder does:
    /// the scheduler's clock is the travelled one, which stands still, so its job would not be waited for.
    /// </summary>
    private async Task ActivateWhileTravellingAsync(Team team, string draftId)
    {
        await team.ApproveAsync(draftId);
        var activate = await team.Admin.Http.PostAsync($"/api/agreement/drafts/{draftId}/activate", null);
        await ApiSession.Expect(activate, HttpStatusCode.Accepted);
        var activation = Guid.Parse((await activate.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>());
        await using var scope = factory.Services.GetRequiredService<ITenantScopes>().Open(team.Admin.TenantId);
        await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new RunActivationCommand(activation));
    }

    private async Task<PrepareDueBriefsResult> PrepareDueBriefsAsync(Team team)
    {
        await using var scope = factory.Services.GetRequiredService<ITenantScopes>().Open(team.Admin.TenantId);
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new PrepareDueBriefsCommand());
    }

    private async Task<List<OutboxEvent>> EventsAsync(Team team, string type)
    {
        await using var scope = factory.Services.GetRequiredService<ITenantScopes>().Open(team.Admin.TenantId);
        return await scope.ServiceProvider.GetRequiredService<L2RDbContext>().OutboxEvents.AsNoTracking().Where(e => e.Type == type).ToListAsync();
    }

    private static async Task<List<int>> BriefVersionsAsync(Team team, JsonNode review) =>
        (await team.Admin.GetJsonAsync($"/api/reviews/{Id(review)}"))["briefs"]!.AsArray().Select(b => b!["version"]!.GetValue<int>()).ToList();

    private static int FitPoints(JsonNode draft, string ruleId) =>
        draft["agreement"]!["scoring"]!["fitRules"]!.AsArray().Single(r => r!["id"]!.GetValue<string>() == ruleId)!["points"]!.GetValue<int>();

    private static string Id(JsonNode node) => node["id"]!.GetValue<string>();

    private static string Text(JsonNode? item) => item!["text"]!.GetValue<string>();
}

public sealed class SqliteReviewTests(SqliteApiFactory factory) : ReviewTests<SqliteApiFactory>(factory);

public sealed class PostgresReviewTests(PostgresApiFactory factory) : ReviewTests<PostgresApiFactory>(factory);
