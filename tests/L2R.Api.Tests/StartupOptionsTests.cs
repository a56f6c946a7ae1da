using L2R.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace L2R.Api.Tests;

/// <summary>A bad setting stops the service at start with a message naming the key, before anything touches the database.</summary>
public sealed class StartupOptionsTests(SqliteApiFactory factory) : IClassFixture<SqliteApiFactory>
{
    [Theory]
    [InlineData("Auth:AccessTokenMinutes", "0", "Auth:AccessTokenMinutes must be between 1 and 1440.")]
    [InlineData("Auth:RefreshTokenDays", "400", "Auth:RefreshTokenDays must be between 1 and 365.")]
    [InlineData("Auth:Issuer", "", "Auth:Issuer is required.")]
    [InlineData("Auth:SigningKey", "@Microsoft.KeyVault(SecretUri=https://vault/secrets/Auth--SigningKey/)", "Auth:SigningKey must be base64 of at least 32 bytes.")]
    [InlineData("Auth:SigningKey", "c2hvcnQta2V5", "Auth:SigningKey must be base64 of at least 32 bytes.")]
    [InlineData("Sweep:IntervalMinutes", "-5", "Sweep:IntervalMinutes must be between 0 (off) and 1440.")]
    [InlineData("Sla:CheckIntervalSeconds", "-1", "Sla:CheckIntervalSeconds must be between 0 (off) and 3600.")]
    [InlineData("Sla:CheckInterval", "5", "CheckInterval")]
    [InlineData("Database:DataDirectory", "", "Database:DataDirectory must name a folder.")]
    [InlineData("Sweep:IntervalMinute", "5", "IntervalMinute")]
    [InlineData("Seed:DemoTenant", "sometimes", "Seed:DemoTenant")]
    public void ABadValue_FailsStart_NamingTheKey(string key, string value, string message)
    {
        var error = StartWith((key, value));

        Assert.Contains(message, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Postgres_WithoutAConnectionStringOrSigningKey_FailsStart_NamingBoth()
    {
        var error = StartWith(("Database:Provider", "Postgres"), ("ConnectionStrings:L2R", ""), ("Auth:SigningKey", "")).ToString();

        Assert.Contains("ConnectionStrings:L2R is required for the Postgres and SqlServer providers.", error, StringComparison.Ordinal);
        Assert.Contains("Auth:SigningKey is required for the Postgres provider", error, StringComparison.Ordinal);
    }

    /// <summary>
    /// The exception starting the service with these settings throws. WebApplicationFactory can lose it to a race with
    /// the application disposing its failed host: the factory then reads the disposed provider and throws
    /// ObjectDisposedException instead (dotnet/aspnetcore#33494; seen once in a loaded CI run). That is the harness, not
    /// the service, so the start is tried again, up to three times.
    /// </summary>
    private Exception StartWith(params (string Key, string Value)[] settings)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var host = factory.WithWebHostBuilder(builder =>
            {
                foreach (var (key, value) in settings)
                {
                    builder.UseSetting(key, value);
                }
            });
            var error = Assert.ThrowsAny<Exception>(() => host.CreateClient());
            if (error is not ObjectDisposedException || attempt == 3)
            {
                return error;
            }
        }
    }
}
