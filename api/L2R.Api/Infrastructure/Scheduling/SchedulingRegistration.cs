using L2R.Api.Infrastructure.Data;
using Quartz;

namespace L2R.Api.Infrastructure.Scheduling;

/// <summary>
/// Background work runs in one Quartz.NET scheduler per instance, all sharing a clustered job store in the
/// application's own database (its tables come with the EF migrations, <see cref="QuartzTables"/>), so each firing
/// runs on exactly one instance, and the work of an instance that dies is taken over by another (docs/decisions/0008).
/// </summary>
public static class SchedulingRegistration
{
    /// <summary>Every instance of one deployment shares this name; the job store's rows are keyed by it.</summary>
    public const string SchedulerName = "L2R";

    public static IServiceCollection AddL2RScheduling(this IServiceCollection services, DatabaseProvider provider, string connectionString)
    {
        services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(scheduler =>
            {
                scheduler.InstanceName = SchedulerName;
                scheduler.GenerateInstanceId = true;

                // How soon an instance notices work another instance scheduled; its own scheduling wakes it at once.
                scheduler.IdleWaitTime = TimeSpan.FromSeconds(5);
                scheduler.ShutdownJobInterruption = ShutdownJobInterruption.Always;
            });
            quartz.UseDefaultThreadPool(4);
            quartz.UsePersistentStore(store =>
            {
                store.ConfigureStore(options =>
                {
                    // Job data holds only strings (ids), so nothing depends on a serialiser's format.
                    options.StoreJobDataAsStrings = true;
                    options.SchemaProvisioning = SchemaProvisioning.Validate;
                });
                switch (provider)
                {
                    case DatabaseProvider.Postgres:
                        store.UsePostgres(connectionString);
                        Cluster(store);
                        break;
                    case DatabaseProvider.SqlServer:
                        store.UseSqlServer(connectionString);
                        Cluster(store);
                        break;
                    default:
                        // Quartz refuses to cluster on SQLite (its file locks); the embedded default is one instance anyway.
                        store.UseSqlite(connectionString);
                        break;
                }
            });
            quartz.AddJob<SweepJob>(job => job.WithIdentity(SweepJob.Key).StoreDurably());
            quartz.AddJob<SlaCheckJob>(job => job.WithIdentity(SlaCheckJob.Key).StoreDurably());
            quartz.AddJob<ReviewBriefJob>(job => job.WithIdentity(ReviewBriefJob.Key).StoreDurably());
            quartz.AddJob<OutboxRelayJob>(job => job.WithIdentity(OutboxRelayJob.Key).StoreDurably());
            quartz.AddJob<OutboxPurgeJob>(job => job.WithIdentity(OutboxPurgeJob.Key).StoreDurably());
            quartz.AddJob<BoardCountFoldJob>(job => job.WithIdentity(BoardCountFoldJob.Key).StoreDurably());
        });
        services.AddSingleton<ActivationScheduler>();
        services.AddSingleton<ImportScheduler>();
        return services;
    }

    private static void Cluster(IPersistentStoreBuilder store) => store.UseClustering(cluster =>
    {
        cluster.CheckinInterval = TimeSpan.FromSeconds(10);
        cluster.CheckinMisfireThreshold = TimeSpan.FromSeconds(20);
    });

    /// <summary>After the database initializer (the job store's tables come with the migrations); the hosted services start in order.</summary>
    public static IServiceCollection AddL2RSchedulerHosting(this IServiceCollection services)
    {
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        services.AddHostedService<RecurringSchedules>();
        return services;
    }
}
