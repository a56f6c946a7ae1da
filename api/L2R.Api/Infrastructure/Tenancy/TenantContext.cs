using L2R.Api.Infrastructure.Auth;

namespace L2R.Api.Infrastructure.Tenancy;

public interface ITenantContext
{
    Guid? TenantId { get; }

    /// <summary>
    /// Whether this scope may read rows of every tenant past the database's row-level security: only a scope opened by
    /// <see cref="ITenantScopes.ReadAcrossTenantsAsync{T}"/>, for one read. The EF tenant filter still applies.
    /// </summary>
    bool ReadsAcrossTenants { get; }
}

/// <summary>
/// The tenant of the current scope, which is the current user's: from the token in a request, or the one a scope was
/// opened for with <see cref="ITenantScopes"/>. With neither, queries match no tenant rows.
/// </summary>
public sealed class TenantContext(ICurrentUser? user) : ITenantContext
{
    public static readonly ITenantContext None = new TenantContext(null);

    /// <summary>None while reading across tenants, even in a request whose token names one.</summary>
    public Guid? TenantId => ReadsAcrossTenants ? null : user?.TenantId;

    public bool ReadsAcrossTenants { get; private set; }

    /// <summary>Only <see cref="TenantScopes"/> calls this, on a scope it has just created and disposes after one read.</summary>
    internal void ReadAcrossTenants() => ReadsAcrossTenants = true;
}
