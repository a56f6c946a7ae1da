using L2R.Api.Infrastructure.Auth;
using L2R.Api.Infrastructure.Tenancy;
using L2R.Domain.Leads;

namespace L2R.Api.Infrastructure.Hosting;

/// <summary>
/// Acting as a user without their token: the demo seeder makes its data through the real commands as the people who
/// would have done the work. Registered only where the seeder runs, so nothing else can.
/// </summary>
public sealed class RunAs(ITenantScopes tenants)
{
    public AsyncServiceScope Open(Guid tenantId, Guid userId, Roles roles)
    {
        var scope = tenants.Open(tenantId);
        scope.ServiceProvider.GetRequiredService<CurrentUser>().FixUser(userId, roles);
        return scope;
    }
}
