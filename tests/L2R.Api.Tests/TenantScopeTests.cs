using System.Security.Claims;
using L2R.Api.Infrastructure;
using L2R.Api.Infrastructure.Auth;
using L2R.Api.Infrastructure.Hosting;
using L2R.Api.Infrastructure.Tenancy;
using L2R.Api.Infrastructure.Web;
using L2R.Domain.Leads;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;

namespace L2R.Api.Tests;

/// <summary>A scope's tenant and user are fixed once; the demo's clock and run-as exist only where the demo is seeded. No database needed.</summary>
public sealed class TenantScopeTests
{
    private static readonly Guid TenantA = Guid.NewGuid();
    private static readonly Guid TenantB = Guid.NewGuid();

    [Fact]
    public async Task ATenantScope_KeepsItsTenant_AndRefusesASecondOne()
    {
        using var services = Services(("Seed:DemoTenant", "false"));
        await using var scope = services.GetRequiredService<ITenantScopes>().Open(TenantA);
        var user = scope.ServiceProvider.GetRequiredService<CurrentUser>();

        user.FixTenant(TenantA);
        var error = Assert.Throws<InvalidOperationException>(() => user.FixTenant(TenantB));

        Assert.Contains(TenantA.ToString(), error.Message, StringComparison.Ordinal);
        Assert.Equal(TenantA, scope.ServiceProvider.GetRequiredService<ITenantContext>().TenantId);
        Assert.Null(user.UserId);
    }

    [Fact]
    public async Task ScopesOpenedForTwoTenants_DoNotShareOne()
    {
        using var services = Services(("Seed:DemoTenant", "false"));
        var scopes = services.GetRequiredService<ITenantScopes>();
        await using var a = scopes.Open(TenantA);
        await using var b = scopes.Open(TenantB);

        Assert.Equal(TenantA, a.ServiceProvider.GetRequiredService<ITenantContext>().TenantId);
        Assert.Equal(TenantB, b.ServiceProvider.GetRequiredService<ITenantContext>().TenantId);
    }

    [Fact]
    public async Task ARunAsScope_KeepsItsUser_AndRefusesASecondOne()
    {
        using var services = Services(("Seed:DemoTenant", "true"));
        var marketing = Guid.NewGuid();
        await using var scope = services.GetRequiredService<RunAs>().Open(TenantA, marketing, Roles.Marketing);
        var user = scope.ServiceProvider.GetRequiredService<CurrentUser>();

        Assert.Throws<InvalidOperationException>(() => user.FixUser(Guid.NewGuid(), Roles.Sales));
        Assert.Throws<InvalidOperationException>(() => user.FixUser(marketing, Roles.Admin));
        Assert.Throws<InvalidOperationException>(() => user.FixTenant(TenantB));
        Assert.Equal(Actor.User(marketing, Roles.Marketing), user.Actor);
        Assert.Equal(TenantA, user.TenantId);
    }

    [Fact]
    public async Task AReadAcrossTenants_HasNoTenant_EvenInARequestWhoseTokenNamesOne()
    {
        using var services = Services(("Seed:DemoTenant", "false"), ("ConnectionStrings:L2R", "Data Source=never-opened.db"));
        services.GetRequiredService<IHttpContextAccessor>().HttpContext = new DefaultHttpContext
        {
            User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(L2RClaims.TenantId, TenantA.ToString())], "test")),
        };

        var (tenant, across) = await services.GetRequiredService<ITenantScopes>().ReadAcrossTenantsAsync(db => Task.FromResult((db.CurrentTenantId, db.ReadsAcrossTenants)));

        Assert.Null(tenant);
        Assert.True(across);
        await using var request = services.CreateAsyncScope();
        Assert.Equal(TenantA, request.ServiceProvider.GetRequiredService<ITenantContext>().TenantId);
        Assert.False(request.ServiceProvider.GetRequiredService<ITenantContext>().ReadsAcrossTenants);
    }

    [Fact]
    public void AUserCannotBeChosen_BeforeATenant()
    {
        var user = new CurrentUser(new HttpContextAccessor());

        Assert.Throws<InvalidOperationException>(() => user.FixUser(Guid.NewGuid(), Roles.Sales));
    }

    [Fact]
    public void WithNoUser_RequiredUserId_IsOurUnauthorizedException_NotTheBclOne()
    {
        ICurrentUser user = new CurrentUser(new HttpContextAccessor());

        Assert.Throws<UnauthorizedException>(() => user.RequiredUserId);
    }

    [Theory]
    [InlineData("Sqlite", "true", true)]
    [InlineData("Sqlite", "false", false)]
    [InlineData("Postgres", "true", false)]
    [InlineData("SqlServer", "true", false)]
    public void TheDemoClockAndRunAs_AreRegistered_OnlyWhenTheDemoIsSeeded(string provider, string demoTenant, bool registered)
    {
        using var services = Services(("Database:Provider", provider), ("Seed:DemoTenant", demoTenant), ("ConnectionStrings:L2R", "Host=unused"));

        Assert.Equal(registered, services.GetService<RunAs>() is not null);
        Assert.Equal(registered, services.GetService<DemoSeeder>() is not null);
        Assert.Equal(registered, services.GetRequiredService<TimeProvider>() is TravellingTimeProvider);
    }

    /// <summary>The application's own registrations, without a host: nothing here opens a database.</summary>
    private static ServiceProvider Services(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build();
        var environment = new HostingEnvironment { ContentRootPath = Path.GetTempPath() };
        return new ServiceCollection().AddLogging().AddL2R(configuration, environment).BuildServiceProvider();
    }
}
