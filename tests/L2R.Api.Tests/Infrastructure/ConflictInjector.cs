using L2R.Domain.Leads;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace L2R.Api.Tests.Infrastructure;

/// <summary>
/// Makes every write of the chosen leads lose to a concurrent write, as if a person had just saved them: the update
/// expects a version the row no longer has. Inert until a test names its leads.
/// </summary>
public sealed class ConflictInjector : SaveChangesInterceptor
{
    private volatile HashSet<Guid> _leads = [];

    public IDisposable On(params Guid[] leadIds)
    {
        _leads = [.. leadIds];
        return new Off(this);
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        var leads = _leads;
        foreach (var entry in eventData.Context!.ChangeTracker.Entries<Lead>().Where(e => e.State == EntityState.Modified && leads.Contains(e.Entity.Id)))
        {
            entry.Property(l => l.Version).OriginalValue -= 1;
        }

        return ValueTask.FromResult(result);
    }

    private sealed class Off(ConflictInjector injector) : IDisposable
    {
        public void Dispose() => injector._leads = [];
    }
}
