using System.Data.Common;
using L2R.Api.Infrastructure.Auth;
using L2R.Api.Infrastructure.Data;
using L2R.Domain.Leads;
using L2R.Domain.Slas;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace L2R.Api.Infrastructure.Live;

/// <summary>
/// Collects, from the change tracker, what each save does to the board (leads added, moved, edited, assigned or
/// deleted, SLA clocks started or recorded, leads merged away) and hands it to <see cref="LiveBoardQueue"/> only once it
/// has committed: at the end of a save made outside a transaction, or when the transaction commits. A failed save or a
/// transaction rolled back (or disposed without commit) pushes nothing. One per scope, like the context it watches, so
/// it knows who acts; every write path goes through a context, so none can forget to push. Writes that go past the
/// tracker (an import's bulk insert, an activation's pages) say so with <see cref="Reload"/>, and the board reloads instead.
/// </summary>
public sealed class LiveBoardChanges(ICurrentUser user, LiveBoardQueue queue) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    /// <summary>Above this many leads in one commit, the board reloads its columns rather than take a push per card.</summary>
    public const int ReloadThreshold = 50;

    private UnitOfWork _save = new();
    private UnitOfWork _transaction = new();
    private string? _systemActor;
    private string? _reloadReason;

    /// <summary>
    /// For background work: the name boards show for the system's changes in this scope (per kind otherwise), and,
    /// with <paramref name="reloadReason"/>, that its commits reload the columns they touch rather than push card by card.
    /// </summary>
    public void ActAs(string systemActor, string? reloadReason = null) => (_systemActor, _reloadReason) = (systemActor, reloadReason);

    /// <summary>
    /// The open transaction writes past the change tracker (or too many leads to push one by one): when it commits,
    /// boards reload <paramref name="states"/> (every column when none are named) instead of taking its lead changes.
    /// </summary>
    public void Reload(string reason, IEnumerable<LeadState>? states = null) =>
        _transaction.Reload(reason, states);

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => _save = new();

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        _save = new();
        return Task.CompletedTask;
    }

    public DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        _transaction = new();
        return result;
    }

    public ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
    {
        _transaction = new();
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => _transaction = new();

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        _transaction = new();
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => _transaction = new();

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        _transaction = new();
        return Task.CompletedTask;
    }

    private void Collect(DbContext? context)
    {
        _save = new();
        if (context is not L2RDbContext db || db.CurrentTenantId is not { } tenantId)
        {
            return;
        }

        _save.TenantId = tenantId;
        var tracker = db.ChangeTracker;
        foreach (var entry in tracker.Entries<Lead>())
        {
            switch (entry.State)
            {
                case EntityState.Added:
                    _save.Note(entry.Entity.Id, LeadChangeKinds.Created, null, entry.Entity.State);
                    break;
                case EntityState.Deleted:
                    _save.Note(entry.Entity.Id, LeadChangeKinds.Deleted, entry.Property(l => l.State).OriginalValue, null);
                    break;
                case EntityState.Modified:
                    _save.Note(entry.Entity.Id, KindOf(entry), entry.Property(l => l.State).OriginalValue, entry.Entity.State);
                    break;
            }
        }

        foreach (var history in tracker.Entries<LeadTransition>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).OrderBy(t => t.Step))
        {
            _save.Acted(history.LeadId, history.ActorKind == ActorKind.System ? null : new LiveActor(history.ActorUserId, history.ActorClientId));
        }

        foreach (var change in tracker.Entries<LeadChange>().Where(e => e.State == EntityState.Added).Select(e => e.Entity))
        {
            _save.Acted(change.LeadId, change.ChangedBy is null && change.ChangedByClientId is null ? null : new LiveActor(change.ChangedBy, change.ChangedByClientId));
        }

        foreach (var clock in tracker.Entries<SlaClock>().Where(e => e.State is EntityState.Added or EntityState.Modified).Select(e => e.Entity))
        {
            _save.Note(clock.LeadId, LeadChangeKinds.Sla, null, null);
        }

        foreach (var merged in tracker.Entries<MergedLead>().Where(e => e.State == EntityState.Added).Select(e => e.Entity))
        {
            _save.Note(merged.Id, LeadChangeKinds.Merged, null, null);
        }
    }

    private void Saved(DbContext? context)
    {
        var save = _save;
        _save = new();
        if (context?.Database.CurrentTransaction is null)
        {
            // A transaction that left changes here never committed (a commit would have taken them): they are dropped.
            _transaction = new();
            Publish(save);
        }
        else
        {
            _transaction.Absorb(save);
        }
    }

    private void Committed(DbContext? context)
    {
        var committed = _transaction;
        _transaction = new();
        if (context is L2RDbContext db && committed.TenantId is null)
        {
            committed.TenantId = db.CurrentTenantId;
        }

        Publish(committed);
    }

    private void Publish(UnitOfWork work)
    {
        if (work.TenantId is not { } tenantId || work.IsEmpty)
        {
            return;
        }

        var actor = user.ClientId is { } client ? new LiveActor(null, client) : user.UserId is { } person ? new LiveActor(person, null) : null;
        queue.Enqueue(work.ToCommit(tenantId, actor, _systemActor, _reloadReason));
    }

    private static string KindOf(EntityEntry<Lead> entry) =>
        entry.Property(l => l.State).IsModified && entry.Property(l => l.State).OriginalValue != entry.Entity.State ? LeadChangeKinds.Moved
        : entry.Property(l => l.OwnerId).IsModified && entry.Property(l => l.OwnerId).OriginalValue != entry.Entity.OwnerId ? LeadChangeKinds.Assigned
        : LeadChangeKinds.Edited;

    /// <summary>What one save, or one transaction's saves, did to the board so far.</summary>
    private sealed class UnitOfWork
    {
        private static readonly string[] Precedence =
            [LeadChangeKinds.Deleted, LeadChangeKinds.Merged, LeadChangeKinds.Created, LeadChangeKinds.Moved, LeadChangeKinds.Assigned, LeadChangeKinds.Sla, LeadChangeKinds.Edited];

        private readonly Dictionary<Guid, PendingLead> _leads = [];
        private string? _reloadReason;
        private HashSet<LeadState>? _reloadStates;
        private bool _reloadAll;

        public Guid? TenantId { get; set; }

        public bool IsEmpty => _leads.Count == 0 && _reloadReason is null;

        public void Note(Guid leadId, string kind, LeadState? from, LeadState? now)
        {
            if (!_leads.TryGetValue(leadId, out var lead))
            {
                _leads[leadId] = lead = new PendingLead { Kind = kind, From = kind == LeadChangeKinds.Created ? null : from };
            }
            else if (Rank(kind) < Rank(lead.Kind))
            {
                lead.Kind = kind;
            }

            lead.From ??= lead.Kind == LeadChangeKinds.Created ? null : from;
            if (now is { } state)
            {
                lead.States.Add(state);
            }

            if (from is { } before)
            {
                lead.States.Add(before);
            }
        }

        /// <summary>The first person or client the save names for the lead (null: the system) is who the board credits.</summary>
        public void Acted(Guid leadId, LiveActor? actor)
        {
            if (_leads.TryGetValue(leadId, out var lead) && !lead.ActorKnown)
            {
                (lead.Actor, lead.ActorKnown) = (actor, true);
            }
        }

        public void Reload(string reason, IEnumerable<LeadState>? states)
        {
            _reloadReason ??= reason;
            if (states is null)
            {
                _reloadAll = true;
            }
            else
            {
                (_reloadStates ??= []).UnionWith(states);
            }
        }

        public void Absorb(UnitOfWork later)
        {
            TenantId ??= later.TenantId;
            foreach (var (id, lead) in later._leads)
            {
                if (!_leads.TryGetValue(id, out var earlier))
                {
                    _leads[id] = lead;
                    continue;
                }

                // The stage before the unit of work is the one the first save saw; a creation stays a creation.
                earlier.Kind = Rank(lead.Kind) < Rank(earlier.Kind) && earlier.Kind != LeadChangeKinds.Created ? lead.Kind : earlier.Kind;
                earlier.States.UnionWith(lead.States);
                if (!earlier.ActorKnown)
                {
                    (earlier.Actor, earlier.ActorKnown) = (lead.Actor, lead.ActorKnown);
                }
            }

            if (later._reloadReason is { } reason)
            {
                Reload(reason, later._reloadAll ? null : later._reloadStates);
            }
        }

        public LiveCommit ToCommit(Guid tenantId, LiveActor? scopeActor, string? systemActor, string? scopeReloadReason)
        {
            // Wall-clock time, not the API's clock (the demo's travels): boards show how long ago a change landed.
            var at = TimeProvider.System.GetUtcNow().UtcDateTime;
            _reloadReason ??= scopeReloadReason;
            if (_reloadReason is not null || _leads.Count > ReloadThreshold)
            {
                List<LeadState> states = _reloadAll ? [] : [.. (_reloadStates ?? []).Union(_leads.Values.SelectMany(l => l.States)).Order()];
                return new LiveCommit(tenantId, [], new PendingReload(states, _reloadReason ?? BoardReloadReasons.Bulk), scopeActor, systemActor, at);
            }

            var leads = _leads.Select(l => new PendingLeadChange(l.Key, l.Value.Kind, l.Value.From, l.Value.ActorKnown ? l.Value.Actor : scopeActor)).ToList();
            return new LiveCommit(tenantId, leads, null, scopeActor, systemActor, at);
        }

        private static int Rank(string kind) => Array.IndexOf(Precedence, kind);
    }

    private sealed class PendingLead
    {
        public required string Kind { get; set; }
        public LeadState? From { get; set; }
        public HashSet<LeadState> States { get; } = [];
        public LiveActor? Actor { get; set; }
        public bool ActorKnown { get; set; }
    }
}

/// <summary>A person (<see cref="UserId"/>) or an API client (<see cref="ClientId"/>); null where the system acted.</summary>
public sealed record LiveActor(Guid? UserId, Guid? ClientId);

/// <summary>One lead's change in a commit; <see cref="Actor"/> is null when the system made it.</summary>
public sealed record PendingLeadChange(Guid LeadId, string Kind, LeadState? FromState, LiveActor? Actor);

public sealed record PendingReload(IReadOnlyList<LeadState> States, string Reason);

/// <summary>What one committed unit of work did to one tenant's board, waiting for <see cref="LiveBoardPublisher"/> to send it.</summary>
public sealed record LiveCommit(Guid TenantId, IReadOnlyList<PendingLeadChange> Leads, PendingReload? Reload, LiveActor? ScopeActor, string? SystemActor, DateTime At);
