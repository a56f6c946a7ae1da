using System.Security.Cryptography;
using L2R.Api.Infrastructure.Data;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace L2R.Api.Infrastructure.Auth;

/// <summary>
/// The token signing key: configured, or for the embedded default generated once and kept in the data folder,
/// so a fresh clone works without a key ever being committed.
/// </summary>
public sealed class SigningKeyProvider(IOptions<AuthOptions> auth, IOptions<DatabaseOptions> database, IHostEnvironment environment)
{
    private readonly Lazy<SymmetricSecurityKey> _key = new(() => Load(auth.Value, database.Value, environment));

    public SymmetricSecurityKey Key => _key.Value;

    private static SymmetricSecurityKey Load(AuthOptions auth, DatabaseOptions database, IHostEnvironment environment)
    {
        // AuthOptionsValidator has checked at start that a configured key is long enough and that only the embedded default goes without.
        var encoded = string.IsNullOrWhiteSpace(auth.SigningKey)
            ? ReadOrCreateKeyFile(Path.Combine(database.ResolveDataDirectory(environment.ContentRootPath), "signing.key"))
            : auth.SigningKey;
        var bytes = Convert.FromBase64String(encoded.Trim());
        return new SymmetricSecurityKey(bytes) { KeyId = Convert.ToHexString(SHA256.HashData(bytes))[..16] };
    }

    private static string ReadOrCreateKeyFile(string path)
    {
        if (File.Exists(path))
        {
            return File.ReadAllText(path);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(64));
        try
        {
            using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
            using var writer = new StreamWriter(file);
            writer.Write(key);
            return key;
        }
        catch (IOException) when (File.Exists(path))
        {
            return File.ReadAllText(path);
        }
    }
}
