using L2R.Api.Infrastructure.Data;

namespace L2R.Api.Infrastructure.Hosting;

public sealed class SeedOptions
{
    public const string Section = "Seed";

    public bool DemoTenant { get; set; } = true;

    /// <summary>The demo tenant is only ever seeded into the embedded default database, whatever <see cref="DemoTenant"/> says.</summary>
    public bool SeedsDemoTenant(DatabaseOptions database) => DemoTenant && database.IsEmbeddedDefault;
}
