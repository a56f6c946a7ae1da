using L2R.Api.Infrastructure.Outbox;
using L2R.Api.Infrastructure.Tenancy;
using L2R.Domain.Agreements;
using L2R.Domain.Common;
using L2R.Domain.Leads;
using L2R.Domain.Routing;
using L2R.Domain.Slas;
using L2R.Domain.Metrics;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Infrastructure.Data;

/// <summary>
/// The one unit of work. Every tenant-owned entity gets the same named query filter, and SaveChanges stamps new
/// rows with the current tenant and refuses any row of another tenant, so a missed filter cannot leak or cross-write.
/// SaveChanges also writes the events of what it saves into the outbox (<see cref="OutboxWriter"/>), what the leads
/// it saves change in the board's counts (<see cref="BoardCounts"/>), and the metrics' stage entries of the history it
/// adds (<see cref="StageEntryKeeper"/>), in the same transaction.
/// </summary>
public abstract class L2RDbContext(DbContextOptions options, ITenantContext tenant) : DbContext(options)
{
    public const string TenantFilter = "Tenant";

    public DbSet<Tenant> Tenants => Set<Tenant>();
    public DbSet<User> Users => Set<User>();
    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();
    public DbSet<AgreementVersion> AgreementVersions => Set<AgreementVersion>();
    public DbSet<AgreementApproval> AgreementApprovals => Set<AgreementApproval>();
    public DbSet<AgreementAuditEntry> AgreementAudit => Set<AgreementAuditEntry>();
    public DbSet<AgreementActivation> AgreementActivations => Set<AgreementActivation>();
    public DbSet<Lead> Leads => Set<Lead>();
    public DbSet<LeadActivity> LeadActivities => Set<LeadActivity>();
    public DbSet<LeadTransition> LeadTransitions => Set<LeadTransition>();
    public DbSet<LeadChange> LeadChanges => Set<LeadChange>();
    public DbSet<StageEntry> StageEntries => Set<StageEntry>();
    public DbSet<TenantCalendar> Calendars => Set<TenantCalendar>();
    public DbSet<UserAvailability> Availabilities => Set<UserAvailability>();
    public DbSet<SlaClock> SlaClocks => Set<SlaClock>();
    public DbSet<SlaClockPause> SlaClockPauses => Set<SlaClockPause>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<DriftAlert> DriftAlerts => Set<DriftAlert>();
    public DbSet<ImportRun> ImportRuns => Set<ImportRun>();
    public DbSet<ImportFileChunk> ImportFileChunks => Set<ImportFileChunk>();
    public DbSet<ImportRowError> ImportRowErrors => Set<ImportRowError>();
    public DbSet<ImportTemplate> ImportTemplates => Set<ImportTemplate>();
    public DbSet<AuditEntry> Audit => Set<AuditEntry>();
    public DbSet<MergedLead> MergedLeads => Set<MergedLead>();
    public DbSet<ApiClient> ApiClients => Set<ApiClient>();
    public DbSet<ApiClientSecret> ApiClientSecrets => Set<ApiClientSecret>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<OutboxEvent> OutboxEvents => Set<OutboxEvent>();
    public DbSet<WebhookSubscription> WebhookSubscriptions => Set<WebhookSubscription>();
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();
    public DbSet<WebhookAttempt> WebhookAttempts => Set<WebhookAttempt>();
    public DbSet<Team> Teams => Set<Team>();
    public DbSet<LeadAssignment> LeadAssignments => Set<LeadAssignment>();
    public DbSet<ReviewSettings> ReviewSettings => Set<ReviewSettings>();
    public DbSet<Review> Reviews => Set<Review>();
    public DbSet<ReviewBrief> ReviewBriefs => Set<ReviewBrief>();
    public DbSet<ReviewNote> ReviewNotes => Set<ReviewNote>();
    public DbSet<ReviewDecision> ReviewDecisions => Set<ReviewDecision>();
    public DbSet<ReviewAction> ReviewActions => Set<ReviewAction>();
    public DbSet<IntelTag> IntelTags => Set<IntelTag>();
    public DbSet<LeadIntel> LeadIntel => Set<LeadIntel>();
    public DbSet<LeadIntelTag> LeadIntelTags => Set<LeadIntelTag>();
    public DbSet<BoardCounter> BoardCounters => Set<BoardCounter>();
    public DbSet<BoardCountChange> BoardCountChanges => Set<BoardCountChange>();

    /// <summary>A save whose lead events keep finding their numbers taken is contended beyond a background job's write: give up with the conflict.</summary>
    private const int MaxEventRenumbering = 3;

    private const string EventNumberingSavepoint = "lead_events";

    /// <summary>The board count changes the save being prepared added, taken back if it fails so a retry counts its leads once.</summary>
    private IReadOnlyList<BoardCountChange> _countChanges = [];

    /// <summary>Read by the query filter on every query, so it follows the tenant of the current scope.</summary>
    public Guid? CurrentTenantId => tenant.TenantId;

    /// <summary>What <see cref="Tenancy.TenantSessionInterceptor"/> hands the database's row-level security with each connection.</summary>
    public bool ReadsAcrossTenants => tenant.ReadsAcrossTenants;

    /// <summary>
    /// The metrics ledger reads every history row of a tenant in (lead, time, step) order and only these columns:
    /// where the database can carry them in that index (not SQLite), it answers from the index alone, never touching
    /// the rows with their criteria.
    /// </summary>
    protected static readonly System.Linq.Expressions.Expression<Func<LeadTransition, object?>> LedgerColumns =
        t => new { t.To, t.Trigger, t.AgreementVersion, t.OwnerId };

    protected static Microsoft.EntityFrameworkCore.Metadata.Builders.IndexBuilder<LeadTransition> HistoryByLead(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<LeadTransition>().HasIndex(t => new { t.TenantId, t.LeadId, t.OccurredAt, t.Step });

    /// <summary>SQL for the whole hours from one UTC timestamp expression to a later one: the one date sum the metrics ledger needs that the three databases spell differently.</summary>
    public abstract string WholeHoursSql(string from, string to);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(L2RDbContext).Assembly);
        foreach (var entityType in modelBuilder.Model.GetEntityTypes().Where(t => typeof(ITenantOwned).IsAssignableFrom(t.ClrType)).ToList())
        {
            typeof(L2RDbContext).GetMethod(nameof(ApplyTenantFilter), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
                .MakeGenericMethod(entityType.ClrType)
                .Invoke(this, [modelBuilder]);
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<decimal>().HavePrecision(18, 2);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        StageEntryKeeper.Track(this);
        var detect = PrepareToSave();
        try
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        catch
        {
            BoardCountChanges.RemoveRange(_countChanges);
            throw;
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        await StageEntryKeeper.TrackAsync(this, cancellationToken);
        var detect = PrepareToSave();
        try
        {
            // Another unit of work (the SLA check) may number events of one of these leads and commit first. The save is
            // then tried again with new numbers; in a transaction from a savepoint, since a failed statement aborts a
            // PostgreSQL transaction and the command's transaction has no savepoints of its own.
            var transaction = OutboxWriter.NumbersStoredLeads(this) ? Database.CurrentTransaction : null;
            for (var attempt = 1; ; attempt++)
            {
                if (transaction is not null)
                {
                    await transaction.CreateSavepointAsync(EventNumberingSavepoint, cancellationToken);
                }

                try
                {
                    return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
                }
                catch (DbUpdateException exception) when (attempt < MaxEventRenumbering && OutboxWriter.IsEventNumberTaken(exception))
                {
                    if (transaction is not null)
                    {
                        await transaction.RollbackToSavepointAsync(EventNumberingSavepoint, cancellationToken);
                    }

                    if (!await OutboxWriter.TryRenumberAfterCommittedAsync(this, cancellationToken))
                    {
                        throw;
                    }
                }
            }
        }
        catch
        {
            BoardCountChanges.RemoveRange(_countChanges);
            throw;
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    /// <summary>
    /// Detects changes once, then adds the audit, stamps tenants and bumps versions through the change tracker (so it
    /// needs no second look) and leaves automatic detection off for the save itself: each <c>Entries()</c> and the save
    /// would otherwise compare every tracked entity with its snapshot again, five times over a batch of 5,000 leads.
    /// Answers whether automatic detection was on, for the caller to restore.
    /// </summary>
    private bool PrepareToSave()
    {
        var detect = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.DetectChanges();
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            AddAgreementAudit();
            OutboxWriter.AddEvents(this);
            _countChanges = BoardCounts.FromTracked(ChangeTracker.Entries<Lead>());
            BoardCountChanges.AddRange(_countChanges);
            EnforceTenantAndVersion();
        }
        catch
        {
            ChangeTracker.AutoDetectChangesEnabled = detect;
            throw;
        }

        return detect;
    }

    private void ApplyTenantFilter<TEntity>(ModelBuilder modelBuilder)
        where TEntity : class, ITenantOwned =>
        modelBuilder.Entity<TEntity>().HasQueryFilter(TenantFilter, e => e.TenantId == CurrentTenantId);

    /// <summary>An agreement version records its audit entries as its lifecycle moves; they are saved with it, in the same transaction.</summary>
    private void AddAgreementAudit()
    {
        foreach (var version in ChangeTracker.Entries<AgreementVersion>().Select(e => e.Entity).ToList())
        {
            AgreementAudit.AddRange(version.TakeAuditEntries());
        }
    }

    private void EnforceTenantAndVersion()
    {
        foreach (var entry in ChangeTracker.Entries<ITenantOwned>())
        {
            if (entry.State == EntityState.Unchanged || entry.State == EntityState.Detached)
            {
                continue;
            }

            var current = tenant.TenantId ?? throw new CrossTenantWriteException("No tenant is set for this write.");
            if (entry.State == EntityState.Added && entry.Entity.TenantId == Guid.Empty)
            {
                entry.Property(nameof(ITenantOwned.TenantId)).CurrentValue = current;
            }

            if (entry.Entity.TenantId != current
                || (entry.State != EntityState.Added && (Guid)entry.Property(nameof(ITenantOwned.TenantId)).OriginalValue! != current))
            {
                throw new CrossTenantWriteException($"A {entry.Metadata.ClrType.Name} of another tenant cannot be written.");
            }
        }

        // A lead whose only change is its event sequence (an SLA event) keeps its version: nothing a person sees changed.
        foreach (var entry in ChangeTracker.Entries<Lead>().Where(e => e.State == EntityState.Modified && e.Properties.Any(p => p.IsModified && p.Metadata.Name != nameof(Lead.EventSequence))))
        {
            entry.Property(l => l.Version).CurrentValue = entry.Property(l => l.Version).OriginalValue + 1;
        }

        foreach (var entry in ChangeTracker.Entries<IVersioned>().Where(e => e.State == EntityState.Modified))
        {
            entry.Entity.Version = entry.Property<int>(nameof(IVersioned.Version)).OriginalValue + 1;
        }
    }
}

public sealed class CrossTenantWriteException(string message) : InvalidOperationException(message);
