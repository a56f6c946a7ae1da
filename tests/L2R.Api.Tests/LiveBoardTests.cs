using System.Net;
using L2R.Api.Tests.Infrastructure;

namespace L2R.Api.Tests;

/// <summary>
/// The live board: every open board of a tenant hears of each committed change to its leads, from every write path,
/// and nothing else: not a rolled-back write, not another tenant's change.
/// </summary>
public abstract class LiveBoardTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : L2RApiFactory
{
    [Fact]
    public async Task AMoveOverHttp_ReachesAnotherUsersBoard_WithTheCardAndWhoMovedIt()
    {
        var admin = await ApiSession.SignUpAsync(factory);
        var marketing = await admin.AddUserAsync(factory, "Marketing");
        var sales = await admin.AddUserAsync(factory, "Sales");
        var id = await marketing.CreateMqlLeadAsync();
        await using var board = await BoardListener.ConnectAsync(factory, marketing.AccessToken);

        await ApiSession.Expect(await sales.FireAsync(id, "Accept"), HttpStatusCode.OK);

        var change = await board.LeadChangedAsync(id, "moved");
        Assert.Equal("MQL", change["fromState"]!.GetValue<string>());
        Assert.Equal("SalesAccepted", change["card"]!["state"]!.GetValue<string>());
        Assert.Equal(id, change["card"]!["id"]!.GetValue<Guid>());
        Assert.Equal("Sales user", change["actorName"]!.GetValue<string>());
        Assert.True(DateTime.Parse(change["at"]!.GetValue<string>()) > DateTime.UtcNow.AddMinutes(-1));
    }
}

public sealed class SqliteLiveBoardTests(SqliteApiFactory factory) : LiveBoardTests<SqliteApiFactory>(factory);

public sealed class PostgresLiveBoardTests(PostgresApiFactory factory) : LiveBoardTests<PostgresApiFactory>(factory);
