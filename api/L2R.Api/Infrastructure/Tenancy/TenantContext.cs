using L2R.Api.Infrastructure.Auth;

namespace L2R.Api.Infrastructure.Tenancy;

public interface ITenantContext
{
    Guid? TenantId { get; }
}

/// <summary>
/// The tenant of the current scope, which is the current user's: from the token in a request, or the one a scope was
/// opened for with <see cref="ITenantScopes"/>. With neither, queries match no tenant rows.
/// </summary>
public sealed class TenantContext(ICurrentUser? user) : ITenantContext
{
    public static readonly ITenantContext None = new TenantContext(null);

    public Guid? TenantId => user?.TenantId;
}
