using System.Runtime.CompilerServices;
using L2R.Domain.Leads;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace L2R.Api.Infrastructure.Telemetry;

/// <summary>
/// Counts moves when they commit, from the history rows a save adds (every path writes one per move), and the moves a
/// save lost to a concurrent write as conflicts: a count of what happened, not of what was attempted.
/// </summary>
public sealed class TransitionMetricsInterceptor(L2RMetrics metrics) : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, List<LeadTrigger?>> _pending = [];

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Remember(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Remember(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Count(eventData.Context, metrics.Moved);
        return base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Count(eventData.Context, metrics.Moved);
        return base.SavedChanges(eventData, result);
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Failed(eventData);
        return base.SaveChangesFailedAsync(eventData, cancellationToken);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        Failed(eventData);
        base.SaveChangesFailed(eventData);
    }

    private void Failed(DbContextErrorEventData eventData) =>
        Count(eventData.Context, trigger =>
        {
            if (eventData.Exception is DbUpdateConcurrencyException)
            {
                metrics.NotMoved(trigger, "conflict");
            }
        });

    private void Remember(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var added = context.ChangeTracker.Entries<LeadTransition>().Where(e => e.State == EntityState.Added).Select(e => e.Entity.Trigger).ToList();
        if (added.Count > 0)
        {
            _pending.AddOrUpdate(context, added);
        }
    }

    private void Count(DbContext? context, Action<LeadTrigger?> count)
    {
        if (context is null || !_pending.TryGetValue(context, out var triggers))
        {
            return;
        }

        _pending.Remove(context);
        foreach (var trigger in triggers)
        {
            count(trigger);
        }
    }
}
