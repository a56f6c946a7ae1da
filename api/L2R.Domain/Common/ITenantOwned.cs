namespace L2R.Domain.Common;

/// <summary>A row that belongs to one tenant; the persistence layer filters and stamps by <see cref="TenantId"/>.</summary>
public interface ITenantOwned
{
    Guid TenantId { get; set; }
}
