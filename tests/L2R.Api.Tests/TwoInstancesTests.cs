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
/// firing of background work runs on exactly one of them.
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

        var before = _runs.Of(SweepJob.Key.Group).Count;
        await _runs.WaitForAsync(SweepJob.Key.Group, before + 6, TimeSpan.FromSeconds(60));

        var sweeps = _runs.Of(SweepJob.Key.Group);
        Assert.Equal(sweeps.Count, sweeps.Select(r => r.ScheduledFireTime).Distinct().Count());
        // Re-engaged once, and (its engagement being fresh) qualified again at once by the same sweep.
        var history = (await admin.GetJsonAsync($"/api/leads/{id}/history"))["transitions"]!.AsArray();
        var afterReject = history.SkipWhile(t => t!["trigger"]?.GetValue<string>() != "Reject").Skip(1).Select(t => t!["trigger"]!.GetValue<string>());
        Assert.Equal(["Reengage", "Qualify"], afterReject);
    }

    /// <summary>One after the other, so the second finds the database migrated.</summary>
    private async Task StartBothAsync(double sweepMinutes)
    {
        _first = await StartAsync("first", sweepMinutes);
        _second = await StartAsync("second", sweepMinutes);
    }

    private async Task<InstanceFactory> StartAsync(string name, double sweepMinutes)
    {
        var factory = new InstanceFactory(_database, sweepMinutes);
        var scheduler = await factory.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        scheduler.ListenerManager.AddJobListener(_runs.For(name));
        return factory;
    }

    /// <summary>An instance of the API on the shared database; a sweep every 0.01 minutes shows many firings shared between two.</summary>
    private sealed class InstanceFactory(string database, double sweepMinutes) : L2RApiFactory
    {
        public override DatabaseProvider Provider => DatabaseProvider.Postgres;

        protected override string ConnectionString => $"{PostgresApiFactory.ServerConnectionString};Database={database}";

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Sweep:IntervalMinutes", sweepMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private sealed record JobRun(string Instance, JobKey Job, DateTimeOffset? ScheduledFireTime);

    /// <summary>Every job run on either instance, recorded when it finishes.</summary>
    private sealed class JobRuns
    {
        private readonly ConcurrentQueue<JobRun> _runs = new();

        public IJobListener For(string instance) => new Listener(instance, _runs);

        public IReadOnlyList<JobRun> Of(string group) => _runs.Where(r => r.Job.Group == group).ToList();

        public async Task<IReadOnlyList<JobRun>> WaitForAsync(string group, int count, TimeSpan timeout)
        {
            var until = DateTime.UtcNow + timeout;
            while (Of(group).Count < count)
            {
                Assert.True(DateTime.UtcNow < until, $"Only {Of(group).Count} of {count} runs of {group} jobs happened in {timeout}.");
                await Task.Delay(100);
            }

            return Of(group);
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
