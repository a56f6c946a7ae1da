namespace L2R.Domain.Common;

/// <summary>
/// A row whose <see cref="Version"/> is its concurrency token (the ETag clients send back): the persistence layer bumps
/// it on every save that modifies the row, so two writers from the same version cannot both win.
/// </summary>
public interface IVersioned
{
    int Version { get; set; }
}
