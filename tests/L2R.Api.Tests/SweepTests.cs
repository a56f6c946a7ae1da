using System.Net;
using System.Text.Json.Nodes;
using L2R.Api.Features.Leads.RecordActivity;
using L2R.Api.Features.Leads.SweepLeads;
using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Scheduling;
using L2R.Api.Infrastructure.Tenancy;
using L2R.Api.Tests.Infrastructure;
using L2R.Domain.Leads;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace L2R.Api.Tests;

/// <summary>What time alone changes, checked by the periodic sweep: nurtured leads re-engage, engagement decays.</summary>
public abstract class SweepTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : L2RApiFactory
{
    [Fact]
    public async Task Sweep_ReengagesANurtureLead_After14DaysWithRecentEngagement_AsTheSystem()
    {
        var admin = await ApiSession.SignUpAsync(factory);
        var sales = await admin.AddUserAsync(factory, "Sales");
        var id = await admin.CreateMqlLeadAsync();
        await ApiSession.Expect(await sales.FireAsync(id, "Reject", "too-early"), HttpStatusCode.OK);
        var start = DateTimeOffset.UtcNow;

        using (var travel = factory.Clock.TravelTo(start.AddDays(5)))
        {
            var recorded = await SendAsync(admin.TenantId, new RecordActivityCommand(id, new RecordActivityRequest(ActivityType.PageView, null, null, null, null)));
            Assert.Empty(recorded.Transitions);
            Assert.Equal(LeadState.Nurture, recorded.Lead.State);

            travel.Now = start.AddDays(10);
            Assert.Equal(0, (await SendAsync(admin.TenantId, new SweepLeadsCommand())).Moves);

            travel.Now = start.AddDays(15);
            var swept = await SendAsync(admin.TenantId, new SweepLeadsCommand());
            Assert.Equal(1, swept.LeadsChecked);
            Assert.Equal(1, swept.Moves);
        }

        var lead = await admin.GetJsonAsync($"/api/leads/{id}");
        Assert.Equal("Scored", lead["state"]!.GetValue<string>());
        var reengage = (await admin.GetJsonAsync($"/api/leads/{id}/history"))["transitions"]!.AsArray()[^1]!;
        Assert.Equal("Reengage", reengage["trigger"]!.GetValue<string>());
        Assert.Equal("Nurture", reengage["from"]!.GetValue<string>());
        Assert.Equal("Scored", reengage["to"]!.GetValue<string>());
        Assert.Equal("System", reengage["actorKind"]!.GetValue<string>());
        Assert.Null(reengage["actorUserId"]);
        Assert.Equal(start.AddDays(15).UtcDateTime, reengage["occurredAt"]!.GetValue<DateTime>().ToUniversalTime(), TimeSpan.FromSeconds(1));
        Assert.Equal(["At least 14 days in nurture", "New engagement in the last 14 days"], reengage["criteria"]!.AsArray().Select(c => c!["description"]!.GetValue<string>()));
        Assert.All(reengage["criteria"]!.AsArray(), c => Assert.True(c!["passed"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task Sweep_DecaysEngagement_AndTouchesOnlyItsOwnTenant()
    {
        var admin = await ApiSession.SignUpAsync(factory);
        var other = await ApiSession.SignUpAsync(factory);
        var id = Guid.Parse((await admin.CreateLeadAsync(ApiSession.GoodFitLead()))["lead"]!["id"]!.GetValue<string>());
        var otherId = Guid.Parse((await other.CreateLeadAsync(ApiSession.GoodFitLead()))["lead"]!["id"]!.GetValue<string>());
        var fresh = (await admin.RecordActivityAsync(id, "Webinar"))["lead"]!;
        await other.RecordActivityAsync(otherId, "Webinar");
        Assert.Equal(15, fresh["engagementScore"]!.GetValue<int>());
        var otherBefore = (await other.GetJsonAsync($"/api/leads/{otherId}")).ToJsonString();

        await AgeAsync(admin.TenantId, id, TimeSpan.FromDays(60));

        // Before the sweep the card still shows the stored score, as of 60 days ago, while the lead page shows it as of now.
        var staleCard = await BoardCardAsync(admin, id);
        Assert.Equal(15, staleCard["engagementScore"]!.GetValue<int>());
        Assert.Equal(DateTime.UtcNow.AddDays(-60), staleCard["scoredAt"]!.GetValue<DateTime>().ToUniversalTime(), TimeSpan.FromMinutes(1));
        var aged = await admin.GetJsonAsync($"/api/leads/{id}");
        Assert.Equal(4, aged["engagementScore"]!.GetValue<int>());

        var swept = await SendAsync(admin.TenantId, new SweepLeadsCommand());
        Assert.Equal(1, swept.LeadsChecked);
        Assert.Equal(0, swept.Moves);

        // Two half-lives of 30 days: 15 → 3.75, rounded; the lead, its breakdown and its card agree.
        var decayed = await admin.GetJsonAsync($"/api/leads/{id}");
        var score = await admin.GetJsonAsync($"/api/leads/{id}/score");
        var card = await BoardCardAsync(admin, id);
        Assert.Equal((4, 45, 49), (decayed["engagementScore"]!.GetValue<int>(), decayed["fitScore"]!.GetValue<int>(), decayed["totalScore"]!.GetValue<int>()));
        Assert.Equal((4, 45, 49), (score["engagement"]!.GetValue<int>(), score["fit"]!.GetValue<int>(), score["total"]!.GetValue<int>()));
        Assert.Equal((4, 45, 49), (card["engagementScore"]!.GetValue<int>(), card["fitScore"]!.GetValue<int>(), card["totalScore"]!.GetValue<int>()));
        Assert.Equal(DateTime.UtcNow, card["scoredAt"]!.GetValue<DateTime>().ToUniversalTime(), TimeSpan.FromMinutes(1));
        Assert.Equal("Scored", decayed["state"]!.GetValue<string>());
        Assert.Equal(aged["version"]!.GetValue<int>() + 1, decayed["version"]!.GetValue<int>());
        Assert.Equal(otherBefore, (await other.GetJsonAsync($"/api/leads/{otherId}")).ToJsonString());
    }

    [Fact]
    public async Task SweepJob_ATenantWhoseSweepFails_DoesNotStopTheOthers()
    {
        var broken = await BrokenTenantAsync();
        var admin = await ApiSession.SignUpAsync(factory);
        var id = Guid.Parse((await admin.CreateLeadAsync(ApiSession.GoodFitLead()))["lead"]!["id"]!.GetValue<string>());
        await admin.RecordActivityAsync(id, "Webinar");
        await AgeAsync(admin.TenantId, id, TimeSpan.FromDays(60));

        // Tenants are swept in id order, so the broken one goes first.
        await using var scope = factory.Services.CreateAsyncScope();
        var failed = await scope.ServiceProvider.GetRequiredService<SweepJob>().SweepAsync(CancellationToken.None);

        Assert.Contains(broken, failed);
        Assert.DoesNotContain(admin.TenantId, failed);
        Assert.Equal(4, (await admin.GetJsonAsync($"/api/leads/{id}"))["engagementScore"]!.GetValue<int>());
        Assert.Equal(4, (await BoardCardAsync(admin, id))["engagementScore"]!.GetValue<int>());
    }

    [Fact]
    public async Task Sweep_ALeadAPersonWritesMeanwhile_CostsOnlyThatLead_NotItsBatch()
    {
        var admin = await ApiSession.SignUpAsync(factory);
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            var id = Guid.Parse((await admin.CreateLeadAsync(ApiSession.GoodFitLead()))["lead"]!["id"]!.GetValue<string>());
            await admin.RecordActivityAsync(id, "Webinar");
            await AgeAsync(admin.TenantId, id, TimeSpan.FromDays(60));
            ids.Add(id);
        }

        SweepResult swept;
        using (factory.Conflicts.On(ids[1]))
        {
            swept = await SendAsync(admin.TenantId, new SweepLeadsCommand());
        }

        Assert.Equal((3, 1), (swept.LeadsChecked, swept.Skipped));
        Assert.Equal(4, (await BoardCardAsync(admin, ids[0]))["engagementScore"]!.GetValue<int>());
        Assert.Equal(15, (await BoardCardAsync(admin, ids[1]))["engagementScore"]!.GetValue<int>());
        Assert.Equal(4, (await BoardCardAsync(admin, ids[2]))["engagementScore"]!.GetValue<int>());
    }

    /// <summary>
    /// A tenant with the smallest id and a lead but no agreement, so its sweep fails first. It is made once per
    /// database: the other tests' sweeps step over it too, which is the point.
    /// </summary>
    private async Task<Guid> BrokenTenantAsync()
    {
        var id = new Guid("00000000-0000-0000-0000-000000000001");

        // In its own scope, as sign-up makes a tenant: row-level security lets a scope see and write only its tenant's row.
        await using var scope = factory.Services.GetRequiredService<ITenantScopes>().Open(id);
        var db = scope.ServiceProvider.GetRequiredService<L2RDbContext>();
        if (await db.Tenants.AnyAsync(t => t.Id == id))
        {
            return id;
        }

        db.Tenants.Add(new Tenant { Id = id, Name = "Broken", Slug = $"broken-{Guid.NewGuid():N}"[..20] });
        db.Leads.Add(new Lead { FirstName = "No", LastName = "Agreement" });
        await db.SaveChangesAsync();
        return id;
    }

    private static async Task<JsonNode> BoardCardAsync(ApiSession session, Guid id) =>
        (await session.GetJsonAsync("/api/board?take=100"))["columns"]!.AsArray()
            .SelectMany(c => c!["cards"]!.AsArray())
            .Single(c => c!["id"]!.GetValue<string>() == id.ToString())!;

    /// <summary>Lets <paramref name="age"/> pass for one lead by moving its recorded instants back, without touching the clock.</summary>
    private async Task AgeAsync(Guid tenantId, Guid leadId, TimeSpan age)
    {
        await using var scope = factory.Services.GetRequiredService<ITenantScopes>().Open(tenantId);
        var db = scope.ServiceProvider.GetRequiredService<L2RDbContext>();
        var lead = await db.Leads.SingleAsync(l => l.Id == leadId);
        lead.ScoredAt -= age;
        lead.CreatedAt -= age;
        lead.UpdatedAt -= age;
        foreach (var activity in await db.LeadActivities.Where(a => a.LeadId == leadId).ToListAsync())
        {
            activity.OccurredAt -= age;
            activity.RecordedAt -= age;
        }

        await db.SaveChangesAsync();
    }

    /// <summary>Runs a command as the sweep does: in its own scope, for one tenant chosen by a trusted caller.</summary>
    private async Task<T> SendAsync<T>(Guid tenantId, ICommand<T> command)
    {
        await using var scope = factory.Services.GetRequiredService<ITenantScopes>().Open(tenantId);
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(command);
    }
}

public sealed class SqliteSweepTests(SqliteApiFactory factory) : SweepTests<SqliteApiFactory>(factory);

public sealed class PostgresSweepTests(PostgresApiFactory factory) : SweepTests<PostgresApiFactory>(factory);
