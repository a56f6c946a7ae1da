using System.Collections.Concurrent;
using System.Net;
using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Scheduling;
using L2R.Api.Infrastructure.Tenancy;
using L2R.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace L2R.Api.Tests;

/// <summary>
/// Two API instances on one PostgreSQL database (two hosts, each with its own scheduler in the cluster): every
/// firing of background work runs on exactly one of them, so an activation runs once, a sweep's work is done once,
/// and a breach is recorded and notified once.
/// </summary>
public sealed class TwoInstancesTests : IAsyncLifetime
{
    private readonly string _database = $"l2r_test_{Guid.NewGuid():N}";
    private readonly JobRuns _runs = new();
    private InstanceFactory _first = null!;
    private InstanceFactory _second = null!;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
    }

    [Fact]
    public async Task AnActivation_RunsOnce_OnOneInstance()
    {
        await StartBothAsync(sweepMinutes: 0);
        var team = await Team.CreateAsync(_first);
        var leads = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            var lead = Guid.Parse((await team.Marketing.CreateLeadAsync(ApiSession.GoodFitLead()))["lead"]!["id"]!.GetValue<string>());
            await team.Marketing.RecordActivityAsync(lead, "Webinar");
            leads.Add(lead);
        }

        var draft = await team.Admin.CreateDraftAsync();
        draft = await team.Admin.UpdateDraftAsync(draft, a => Team.Threshold(a, "Qualify", "mql-engagement", 10));
        var activation = await team.ActivateAsync(draft["id"]!.GetValue<string>());

        Assert.Equal(("Completed", 4), (activation["status"]!.GetValue<string>(), activation["moved"]!.GetValue<int>()));

        // The job commits its status before the scheduler reports the run to the listener, so the run may land a moment later.
        await _runs.WaitForAsync(r => r.Job.Group == "activation", 1, TimeSpan.FromSeconds(10));
        Assert.Single(_runs.Of("activation"));
        foreach (var lead in leads)
        {
            var history = (await team.Admin.GetJsonAsync($"/api/leads/{lead}/history"))["transitions"]!.AsArray();
            Assert.Single(history, t => t!["trigger"]?.GetValue<string>() == "Qualify");
        }
    }

    [Fact]
    public async Task EachSweep_RunsOnOneInstance_AndItsWorkIsDoneOnce()
    {
        await StartBothAsync(sweepMinutes: 0.01);
        var admin = await ApiSession.SignUpAsync(_first);
        var sales = await admin.AddUserAsync(_first, "Sales");
        var id = await admin.CreateMqlLeadAsync();
        await ApiSession.Expect(await sales.FireAsync(id, "Reject", "too-early"), HttpStatusCode.OK);
        await admin.RecordActivityAsync(id, "PageView");

        // Fifteen days in nurture with new engagement: the next sweep, on whichever instance, re-engages the lead, and
        // the sweeps after it, on either instance, find nothing more to do. The schedulers share the application's
        // clock, so time passes here by moving the lead's stage entry back rather than by travelling.
        await using (var scope = _first.Services.GetRequiredService<ITenantScopes>().Open(admin.TenantId))
        {
            var db = scope.ServiceProvider.GetRequiredService<L2RDbContext>();
            var entered = await db.Leads.Where(l => l.Id == id).Select(l => l.StageEnteredAt).SingleAsync();
            await db.Leads.Where(l => l.Id == id).ExecuteUpdateAsync(s => s.SetProperty(l => l.StageEnteredAt, entered.AddDays(-15)));
        }

        var before = _runs.Of(SweepJob.Key.Group).Count(r => r.Job == SweepJob.Key);
        await _runs.WaitForAsync(r => r.Job == SweepJob.Key, before + 6, TimeSpan.FromSeconds(60));

        var sweeps = _runs.Of(SweepJob.Key.Group).Where(r => r.Job == SweepJob.Key).ToList();
        Assert.Equal(sweeps.Count, sweeps.Select(r => r.ScheduledFireTime).Distinct().Count());
        // Re-engaged once, and (its engagement being fresh) qualified again at once by the same sweep.
        var history = (await admin.GetJsonAsync($"/api/leads/{id}/history"))["transitions"]!.AsArray();
        var afterReject = history.SkipWhile(t => t!["trigger"]?.GetValue<string>() != "Reject").Skip(1).Select(t => t!["trigger"]!.GetValue<string>());
        Assert.Equal(["Reengage", "Qualify"], afterReject);
    }

    [Fact]
    public async Task EachBreach_IsRecordedAndNotifiedOnce()
    {
        await StartBothAsync(sweepMinutes: 0, slaCheckSeconds: 1);
        var admin = await ApiSession.SignUpAsync(_first);
        var id = await admin.CreateMqlLeadAsync();

        // The schedulers share the application's clock, so the clock is made due by moving its instants back.
        var due = DateTime.UtcNow.AddMinutes(-1);
        await using (var scope = _first.Services.GetRequiredService<ITenantScopes>().Open(admin.TenantId))
        {
            await scope.ServiceProvider.GetRequiredService<L2RDbContext>().SlaClocks.Where(c => c.LeadId == id)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.WarnAt, due.AddHours(-1)).SetProperty(c => c.DueAt, due));
        }

        var before = _runs.Of(SlaCheckJob.Key.Group).Count(r => r.Job == SlaCheckJob.Key);
        await _runs.WaitForAsync(r => r.Job == SlaCheckJob.Key, before + 6, TimeSpan.FromSeconds(60));

        var checks = _runs.Of(SlaCheckJob.Key.Group).Where(r => r.Job == SlaCheckJob.Key).ToList();
        Assert.Equal(checks.Count, checks.Select(r => r.ScheduledFireTime).Distinct().Count());
        var clock = Assert.Single((await admin.GetJsonAsync($"/api/leads/{id}/sla")).AsArray())!;
        Assert.Equal(due, clock["breachedAt"]!.GetValue<DateTime>().ToUniversalTime(), TimeSpan.FromMilliseconds(1));
        var notifications = (await admin.GetJsonAsync("/api/notifications"))["items"]!.AsArray();
        Assert.Equal(["SlaBreach", "SlaWarning"], notifications.Select(n => n!["kind"]!.GetValue<string>()).Order(StringComparer.Ordinal));
    }

    /// <summary>One after the other, so the second finds the database migrated.</summary>
    private async Task StartBothAsync(double sweepMinutes, int slaCheckSeconds = 0)
    {
        _first = await StartAsync("first", sweepMinutes, slaCheckSeconds);
        _second = await StartAsync("second", sweepMinutes, slaCheckSeconds);
    }

    private async Task<InstanceFactory> StartAsync(string name, double sweepMinutes, int slaCheckSeconds)
    {
        var factory = new InstanceFactory(_database, sweepMinutes, slaCheckSeconds);
        var scheduler = await factory.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        scheduler.ListenerManager.AddJobListener(_runs.For(name));
        return factory;
    }

    /// <summary>An instance of the API on the shared database; short intervals show many firings shared between two.</summary>
    private sealed class InstanceFactory(string database, double sweepMinutes, int slaCheckSeconds) : L2RApiFactory
    {
        public override DatabaseProvider Provider => DatabaseProvider.Postgres;

        protected override string ConnectionString => PostgresApiFactory.AppConnectionFor(database);

        protected override string OwnerConnectionString => PostgresApiFactory.OwnerConnectionFor(database);

        public override L2RApiFactory SameDatabase() => new InstanceFactory(database, sweepMinutes, slaCheckSeconds);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Sweep:IntervalMinutes", sweepMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Sla:CheckIntervalSeconds", slaCheckSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private sealed record JobRun(string Instance, JobKey Job, DateTimeOffset? ScheduledFireTime);

    /// <summary>Every job run on either instance, recorded when it finishes.</summary>
    private sealed class JobRuns
    {
        private readonly ConcurrentQueue<JobRun> _runs = new();

        public IJobListener For(string instance) => new Listener(instance, _runs);

        public IReadOnlyList<JobRun> Of(string group) => _runs.Where(r => r.Job.Group == group).ToList();

        public async Task WaitForAsync(Func<JobRun, bool> which, int count, TimeSpan timeout)
        {
            var until = DateTime.UtcNow + timeout;
            while (_runs.Count(which) < count)
            {
                Assert.True(DateTime.UtcNow < until, $"Only {_runs.Count(which)} of {count} runs happened in {timeout}.");
                await Task.Delay(100);
            }
        }

        private sealed class Listener(string instance, ConcurrentQueue<JobRun> runs) : IJobListener
        {
            public string Name => $"runs-{instance}";

            public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default) => default;

            public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => default;

            public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
            {
                runs.Enqueue(new JobRun(instance, context.JobDetail.Key, context.ScheduledFireTimeUtc));
                return default;
            }

            public ValueTask JobProgressChanged(IJobExecutionContext context, Quartz.Extensibility.FireInstanceProgress progress, CancellationToken cancellationToken = default) => default;
        }
    }
}
