using L2R.Api.Infrastructure.Auth;

namespace L2R.Api.Infrastructure.Tenancy;

public interface ITenantContext
{
    Guid? TenantId { get; }
}

/// <summary>
/// The tenant of the current scope: the signed-in user's (from the token) unless a trusted caller such as sign-up,
/// login, the seeder or the sweep has chosen one with <see cref="Use"/>. With neither, queries match no tenant rows.
/// </summary>
public sealed class TenantContext(ICurrentUser? user) : ITenantContext
{
    public static readonly ITenantContext None = new TenantContext(null);

    private Guid? _chosen;

    public Guid? TenantId => _chosen ?? user?.TenantId;

    public void Use(Guid tenantId) => _chosen = tenantId;
}
