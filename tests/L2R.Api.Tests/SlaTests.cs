using System.Net;
using System.Text.Json.Nodes;
using L2R.Api.Features.Slas.CheckSlaClocks;
using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Outbox;
using L2R.Api.Infrastructure.Tenancy;
using L2R.Api.Tests.Infrastructure;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace L2R.Api.Tests;

/// <summary>
/// Follow-up over HTTP with the test clock: an MQL's clock runs on the tenant's calendar (the default agreement: 24
/// business hours, warning at 75%, met by Accept, Reject or a call, meeting or email), a touch stops it at the
/// server's time, and without one it warns and then breaches, each once, notifying the owner and the escalation.
/// </summary>
public abstract class SlaTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : L2RApiFactory
{
    /// <summary>Monday 7 January 2030, on the default calendar (Monday to Friday, 09:00–17:00 UTC).</summary>
    private static DateTimeOffset Monday(double hour) => new DateTimeOffset(2030, 1, 7, 0, 0, 0, TimeSpan.Zero).AddHours(hour);

    [Fact]
    public async Task AnMql_ShowsItsDueTime_AndACallStopsItsClockAtTheServersTime()
    {
        var team = await Team.CreateAsync(factory);
        Guid id;
        using (var travel = factory.Clock.TravelTo(Monday(9)))
        {
            id = await team.Marketing.CreateMqlLeadAsync();

            // 24 business hours from Monday 09:00: Monday, Tuesday and Wednesday; the warning at 18 hours.
            var lead = await team.Sales.GetJsonAsync($"/api/leads/{id}");
            Assert.Equal(Monday(48 + 17).UtcDateTime, At(lead["sla"]!["dueAt"]));
            Assert.Equal(Monday(48 + 11).UtcDateTime, At(lead["sla"]!["warnAt"]));
            Assert.Equal(("mql-response", "Running"), (lead["sla"]!["termId"]!.GetValue<string>(), lead["sla"]!["status"]!.GetValue<string>()));
            var card = (await team.Sales.GetJsonAsync("/api/board?take=100"))["columns"]!.AsArray()
                .SelectMany(c => c!["cards"]!.AsArray()).Single(c => c!["id"]!.GetValue<string>() == id.ToString())!;
            Assert.Equal(Monday(48 + 17).UtcDateTime, At(card["sla"]!["dueAt"]));

            travel.Now = Monday(10.5);
            await team.Sales.Http.PostAsJsonAsync($"/api/leads/{id}/activities", new { type = "Call", occurredAt = Monday(10).UtcDateTime });
        }

        var clock = Assert.Single((await team.Sales.GetJsonAsync($"/api/leads/{id}/sla")).AsArray())!;
        Assert.Equal(("Met", "Call", 1), (clock["status"]!.GetValue<string>(), clock["stopReason"]!.GetValue<string>(), clock["agreementVersion"]!.GetValue<int>()));
        Assert.Equal(Monday(9).UtcDateTime, At(clock["startedAt"]));
        Assert.Equal(Monday(10.5).UtcDateTime, At(clock["stoppedAt"]));
        Assert.Null(clock["breachedAt"]);
        Assert.Null((await team.Sales.GetJsonAsync($"/api/leads/{id}"))["sla"]);
    }

    [Fact]
    public async Task WithoutATouch_ItWarnsThenBreaches_OnceEach_AndTheOwnerAndTheEscalationHearOfIt()
    {
        var team = await Team.CreateAsync(factory);
        var salesId = Guid.Parse((await team.Sales.GetJsonAsync("/api/me"))["id"]!.GetValue<string>());
        Guid id;
        int versionBeforeChecks;
        using (var travel = factory.Clock.TravelTo(Monday(9)))
        {
            id = await team.Marketing.CreateMqlLeadAsync();
            await ApiSession.Expect(await team.Sales.PatchLeadAsync(id, new { ownerId = salesId }), HttpStatusCode.OK);
            versionBeforeChecks = (await team.Sales.GetJsonAsync($"/api/leads/{id}"))["version"]!.GetValue<int>();

            travel.Now = Monday(48 + 10.9);
            Assert.Equal(new SlaCheckResult(0, 0), await CheckAsync(team));
            travel.Now = Monday(48 + 11);
            Assert.Equal(new SlaCheckResult(1, 0), await CheckAsync(team));
            Assert.Equal(new SlaCheckResult(0, 0), await CheckAsync(team));
            travel.Now = Monday(48 + 17.5);
            Assert.Equal(new SlaCheckResult(0, 1), await CheckAsync(team));
            Assert.Equal(new SlaCheckResult(0, 0), await CheckAsync(team));
        }

        var clock = Assert.Single((await team.Sales.GetJsonAsync($"/api/leads/{id}/sla")).AsArray())!;
        Assert.Equal((Monday(48 + 11).UtcDateTime, Monday(48 + 17).UtcDateTime), (At(clock["warnedAt"]), At(clock["breachedAt"])));
        var lead = await team.Sales.GetJsonAsync($"/api/leads/{id}");
        Assert.True(lead["sla"]!["warned"]!.GetValue<bool>() && lead["sla"]!["breached"]!.GetValue<bool>());

        // Each is an event once, after the lead's own, in its sequence; the lead's version (a person's If-Match) stays.
        await factory.Services.GetRequiredService<OutboxRelay>().RunOnceAsync(CancellationToken.None);
        var feed = (await team.Admin.GetJsonAsync("/api/events?limit=500"))["items"]!.AsArray().Where(e => e!["leadId"]?.GetValue<string>() == id.ToString()).ToList();
        Assert.Equal(Enumerable.Range(1, feed.Count), feed.Select(e => e!["leadSequence"]!.GetValue<int>()));
        Assert.Equal(["sla.warning", "sla.breached"], feed.TakeLast(2).Select(e => e!["type"]!.GetValue<string>()));
        Assert.Equal(("mql-response", Monday(48 + 17).UtcDateTime), (feed[^1]!["data"]!["termId"]!.GetValue<string>(), At(feed[^1]!["data"]!["dueAt"])));
        Assert.Equal(versionBeforeChecks, lead["version"]!.GetValue<int>());

        // The owner and the escalation (the team lead; until teams exist, the admins) hear of each once; marketing does not.
        var owners = await team.Sales.GetJsonAsync("/api/notifications");
        Assert.Equal(["SlaBreach", "SlaWarning"], owners["items"]!.AsArray().Select(n => n!["kind"]!.GetValue<string>()));
        Assert.Equal(2, owners["unreadCount"]!.GetValue<int>());
        Assert.All(owners["items"]!.AsArray(), n => Assert.Equal(id.ToString(), n!["leadId"]!.GetValue<string>()));
        Assert.Equal(2, (await team.Admin.GetJsonAsync("/api/notifications"))["unreadCount"]!.GetValue<int>());
        Assert.Empty((await team.Marketing.GetJsonAsync("/api/notifications"))["items"]!.AsArray());

        var breach = owners["items"]![0]!["id"]!.GetValue<string>();
        await ApiSession.ProblemAsync(await team.Admin.Http.PostAsync($"/api/notifications/{breach}/read", null), HttpStatusCode.NotFound);
        await ApiSession.Expect(await team.Sales.Http.PostAsync($"/api/notifications/{breach}/read", null), HttpStatusCode.OK);
        var after = await team.Sales.GetJsonAsync("/api/notifications?unreadOnly=true");
        Assert.Equal((1, "SlaWarning"), (after["unreadCount"]!.GetValue<int>(), after["items"]![0]!["kind"]!.GetValue<string>()));
    }

    [Fact]
    public async Task ACalendarChange_RecomputesOpenClocks_AndOnlyAnAdminMayMakeOne_WithBadInputWritingNothing()
    {
        var team = await Team.CreateAsync(factory);
        Guid id;
        using (factory.Clock.TravelTo(Monday(9)))
        {
            id = await team.Marketing.CreateMqlLeadAsync();
        }

        var berlin = new
        {
            timeZone = "Europe/Berlin",
            workingHours = new[] { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday" }.Select(day => new { day, start = "09:00:00", end = "17:00:00" }),
            holidays = new[] { "2030-01-08" },
        };
        await ApiSession.ProblemAsync(await team.Marketing.Http.PutAsJsonAsync("/api/calendar", berlin), HttpStatusCode.Forbidden);
        var bad = await ApiSession.ProblemAsync(
            await team.Admin.Http.PutAsJsonAsync("/api/calendar", new { timeZone = "Mars/Olympus", workingHours = new[] { new { day = "Monday", start = "17:00:00", end = "09:00:00" } } }),
            HttpStatusCode.BadRequest);
        Assert.NotNull(bad["errors"]!["timeZone"]);
        Assert.NotNull(bad["errors"]!["workingHours[0].End"] ?? bad["errors"]!["workingHours[0].end"]);
        Assert.Equal("UTC", (await team.Sales.GetJsonAsync("/api/calendar"))["timeZone"]!.GetValue<string>());

        await ApiSession.Expect(await team.Admin.Http.PutAsJsonAsync("/api/calendar", berlin), HttpStatusCode.OK);

        // From Monday 09:00 UTC (10:00 in Berlin): 7 hours on Monday, Tuesday a holiday, 8 each on Wednesday and
        // Thursday, and the last hour on Friday from 09:00 in Berlin, 08:00 UTC.
        Assert.Equal("Europe/Berlin", (await team.Sales.GetJsonAsync("/api/calendar"))["timeZone"]!.GetValue<string>());
        Assert.Equal("UTC", (await (await ApiSession.SignUpAsync(factory)).GetJsonAsync("/api/calendar"))["timeZone"]!.GetValue<string>());
        var clock = Assert.Single((await team.Sales.GetJsonAsync($"/api/leads/{id}/sla")).AsArray())!;
        Assert.Equal(Monday(96 + 9).UtcDateTime, At(clock["dueAt"]));
    }

    [Fact]
    public async Task Availability_IsMineToSet_AndAnAdminsForOthers()
    {
        var team = await Team.CreateAsync(factory);
        var other = await ApiSession.SignUpAsync(factory);
        var salesId = (await team.Sales.GetJsonAsync("/api/me"))["id"]!.GetValue<string>();
        var otherAdminId = (await other.GetJsonAsync("/api/me"))["id"]!.GetValue<string>();
        var away = new { workingHours = new[] { new { day = "Monday", start = "08:00:00", end = "12:00:00" } }, outOfOffice = new[] { new { from = Monday(24).UtcDateTime, to = Monday(72).UtcDateTime, note = "Conference" } } };

        Assert.Null((await team.Sales.GetJsonAsync("/api/me/availability"))["workingHours"]);
        await ApiSession.Expect(await team.Sales.Http.PutAsJsonAsync("/api/me/availability", away), HttpStatusCode.OK);
        var mine = await team.Admin.GetJsonAsync($"/api/users/{salesId}/availability");
        Assert.Equal(("Conference", "Monday"), (mine["outOfOffice"]![0]!["note"]!.GetValue<string>(), mine["workingHours"]![0]!["day"]!.GetValue<string>()));

        var backwards = new { outOfOffice = new[] { new { from = Monday(72).UtcDateTime, to = Monday(24).UtcDateTime } } };
        await ApiSession.ProblemAsync(await team.Sales.Http.PutAsJsonAsync("/api/me/availability", backwards), HttpStatusCode.BadRequest);
        await ApiSession.ProblemAsync(await team.Sales.Http.GetAsync($"/api/users/{salesId}/availability"), HttpStatusCode.Forbidden);
        await ApiSession.ProblemAsync(await team.Admin.Http.GetAsync($"/api/users/{otherAdminId}/availability"), HttpStatusCode.NotFound);
        await ApiSession.ProblemAsync(await team.Admin.Http.PutAsJsonAsync($"/api/users/{otherAdminId}/availability", away), HttpStatusCode.NotFound);
        Assert.Equal("Conference", (await team.Sales.GetJsonAsync("/api/me/availability"))["outOfOffice"]![0]!["note"]!.GetValue<string>());
    }

    [Fact]
    public async Task MyQueue_ListsMyOpenLeads_TheFirstDueFirst()
    {
        var team = await Team.CreateAsync(factory);
        var salesId = Guid.Parse((await team.Sales.GetJsonAsync("/api/me"))["id"]!.GetValue<string>());
        var ids = new List<Guid>();
        using (var travel = factory.Clock.TravelTo(Monday(11)))
        {
            foreach (var hour in new[] { 11.0, 9.0 })
            {
                travel.Now = Monday(hour);
                var id = await team.Marketing.CreateMqlLeadAsync();
                await ApiSession.Expect(await team.Sales.PatchLeadAsync(id, new { ownerId = salesId }), HttpStatusCode.OK);
                ids.Add(id);
            }
        }

        var queue = (await team.Sales.GetJsonAsync("/api/queue")).AsArray();
        Assert.Equal([ids[1], ids[0]], queue.Select(q => Guid.Parse(q!["id"]!.GetValue<string>())));
        Assert.Equal(Monday(48 + 17).UtcDateTime, At(queue[0]!["sla"]!["dueAt"]));
        Assert.Empty((await team.Marketing.GetJsonAsync("/api/queue")).AsArray());
    }

    [Fact]
    public async Task SlaMetrics_CountMetOnTimeAndBreached_WithTheHoursToMeet()
    {
        var team = await Team.CreateAsync(factory);
        var salesId = Guid.Parse((await team.Sales.GetJsonAsync("/api/me"))["id"]!.GetValue<string>());
        using (var travel = factory.Clock.TravelTo(Monday(9)))
        {
            var called = await team.Marketing.CreateMqlLeadAsync();
            var missed = await team.Marketing.CreateMqlLeadAsync();
            await ApiSession.Expect(await team.Sales.PatchLeadAsync(missed, new { ownerId = salesId }), HttpStatusCode.OK);
            travel.Now = Monday(10.5);
            await team.Sales.RecordActivityAsync(called, "Call");
            travel.Now = Monday(48 + 18);
            await CheckAsync(team);
        }

        var metrics = await team.Marketing.GetJsonAsync($"/api/metrics/sla?from={Monday(0).UtcDateTime:O}&to={Monday(24).UtcDateTime:O}");
        var total = metrics["total"]!;
        Assert.Equal((2, 1, 0, 1, 1), (total["clocks"]!.GetValue<int>(), total["metOnTime"]!.GetValue<int>(), total["metLate"]!.GetValue<int>(), total["breached"]!.GetValue<int>(), total["open"]!.GetValue<int>()));
        Assert.Equal((50.0, 1.5, 1.5), (total["metOnTimePercent"]!.GetValue<double>(), total["medianHoursToMeet"]!.GetValue<double>(), total["p90HoursToMeet"]!.GetValue<double>()));
        var byOwner = metrics["byOwner"]!.AsArray();
        Assert.Equal(("Sales user", 1), (byOwner[0]!["label"]!.GetValue<string>(), byOwner[0]!["tally"]!["breached"]!.GetValue<int>()));
        Assert.Equal("MQL response", metrics["byTerm"]![0]!["label"]!.GetValue<string>());
        await ApiSession.ProblemAsync(await team.Marketing.Http.GetAsync($"/api/metrics/sla?from={Monday(24).UtcDateTime:O}&to={Monday(0).UtcDateTime:O}"), HttpStatusCode.BadRequest);
        Assert.Equal(0, (await (await ApiSession.SignUpAsync(factory)).GetJsonAsync($"/api/metrics/sla?from={Monday(0).UtcDateTime:O}&to={Monday(24).UtcDateTime:O}"))["total"]!["clocks"]!.GetValue<int>());
    }

    [Fact]
    public async Task APersonsSave_ThatReadTheLeadBeforeAWarningWasRecorded_StillLands_WithItsEventsNumberedAfterTheWarning()
    {
        var team = await Team.CreateAsync(factory);
        var salesId = Guid.Parse((await team.Sales.GetJsonAsync("/api/me"))["id"]!.GetValue<string>());
        var adminId = Guid.Parse((await team.Admin.GetJsonAsync("/api/me"))["id"]!.GetValue<string>());
        Guid id;
        using (var travel = factory.Clock.TravelTo(Monday(9)))
        {
            id = await team.Marketing.CreateMqlLeadAsync();
            await ApiSession.Expect(await team.Sales.PatchLeadAsync(id, new { ownerId = salesId }), HttpStatusCode.OK);
            var versionBefore = (await team.Sales.GetJsonAsync($"/api/leads/{id}"))["version"]!.GetValue<int>();

            // A person's unit of work reads the lead; the SLA check warns and commits; then the person's save reassigns
            // it in a command's transaction (on PostgreSQL, a failed statement would abort it without the savepoint).
            await using var person = factory.Services.GetRequiredService<ITenantScopes>().Open(team.Admin.TenantId);
            var db = person.ServiceProvider.GetRequiredService<L2RDbContext>();
            var lead = await db.Leads.SingleAsync(l => l.Id == id);
            travel.Now = Monday(48 + 11);
            Assert.Equal(new SlaCheckResult(1, 0), await CheckAsync(team));
            lead.OwnerId = adminId;
            lead.UpdatedAt = factory.Clock.GetUtcNow().UtcDateTime;
            await db.InTransactionAsync(() => db.SaveChangesAsync(), CancellationToken.None);

            var after = await team.Sales.GetJsonAsync($"/api/leads/{id}");
            Assert.Equal((versionBefore + 1, adminId.ToString()), (after["version"]!.GetValue<int>(), after["ownerId"]!.GetValue<string>()));
        }

        await factory.Services.GetRequiredService<OutboxRelay>().RunOnceAsync(CancellationToken.None);
        var feed = (await team.Admin.GetJsonAsync("/api/events?limit=500"))["items"]!.AsArray().Where(e => e!["leadId"]?.GetValue<string>() == id.ToString()).ToList();
        Assert.Equal(Enumerable.Range(1, feed.Count), feed.Select(e => e!["leadSequence"]!.GetValue<int>()));
        Assert.Equal(["sla.warning", "lead.assigned"], feed.TakeLast(2).Select(e => e!["type"]!.GetValue<string>()));
    }

    [Fact]
    public async Task AnotherTenantsLead_HasNoClocksToShow()
    {
        var mine = await ApiSession.SignUpAsync(factory);
        var theirs = await ApiSession.SignUpAsync(factory);
        var id = await theirs.CreateMqlLeadAsync();

        await ApiSession.ProblemAsync(await mine.Http.GetAsync($"/api/leads/{id}/sla"), HttpStatusCode.NotFound);
        Assert.Single((await theirs.GetJsonAsync($"/api/leads/{id}/sla")).AsArray());
    }

    private static DateTime At(JsonNode? node) => node!.GetValue<DateTime>().ToUniversalTime();

    /// <summary>Runs the check as the scheduler's job does: in a scope of the tenant, as no user.</summary>
    private async Task<SlaCheckResult> CheckAsync(Team team)
    {
        await using var scope = factory.Services.GetRequiredService<ITenantScopes>().Open(team.Admin.TenantId);
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new CheckSlaClocksCommand());
    }
}

public sealed class SqliteSlaTests(SqliteApiFactory factory) : SlaTests<SqliteApiFactory>(factory);

public sealed class PostgresSlaTests(PostgresApiFactory factory) : SlaTests<PostgresApiFactory>(factory);
