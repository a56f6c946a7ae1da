using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Infrastructure.Data;

public static class DbContextTransactions
{
    /// <summary>
    /// Runs <paramref name="work"/> in a transaction, joining one already open so nested commands (auto-advance inside
    /// a lead edit) commit or roll back together. On SQLite the transaction is IMMEDIATE, so concurrent writers queue
    /// instead of deadlocking on a lock upgrade.
    /// </summary>
    public static async Task<T> InTransactionAsync<T>(this L2RDbContext db, Func<Task<T>> work, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            return await work();
        }

        // Savepoints per SaveChanges buy nothing here: a failure anywhere rolls the whole command back.
        db.Database.AutoSavepointsEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var result = await work();
        await transaction.CommitAsync(ct);
        return result;
    }
}
