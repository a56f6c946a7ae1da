using System.Security.Cryptography;
using L2R.Api.Infrastructure.Data;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace L2R.Api.Infrastructure.Auth;

/// <summary>
/// The token signing key: configured, or for the embedded default generated once and kept in the data folder,
/// so a fresh clone works without a key ever being committed. Each key is named by a <c>kid</c> derived from it, so
/// every instance names it alike and a token is checked against the one key it names: the current key or one of
/// <see cref="AuthOptions.PreviousSigningKeys"/> during a rotation.
/// </summary>
public sealed class SigningKeyProvider(IOptions<AuthOptions> auth, IOptions<DatabaseOptions> database, IHostEnvironment environment)
{
    private readonly Lazy<SymmetricSecurityKey> _key = new(() => Load(auth.Value, database.Value, environment));
    private readonly Lazy<IReadOnlyList<SymmetricSecurityKey>> _previous = new(() => [.. auth.Value.PreviousSigningKeys.Select(FromBase64)]);

    public SymmetricSecurityKey Key => _key.Value;

    /// <summary>The key a token's <c>kid</c> names, if it is one this API accepts; none for a missing or unknown <c>kid</c>.</summary>
    public IEnumerable<SecurityKey> KeysFor(string? kid) => _previous.Value.Prepend(Key).Where(k => kid is not null && k.KeyId == kid);

    private static SymmetricSecurityKey Load(AuthOptions auth, DatabaseOptions database, IHostEnvironment environment)
    {
        // AuthOptionsValidator has checked at start that a configured key is long enough and that only the embedded default goes without.
        var encoded = string.IsNullOrWhiteSpace(auth.SigningKey)
            ? ReadOrCreateKeyFile(Path.Combine(database.ResolveDataDirectory(environment.ContentRootPath), "signing.key"))
            : auth.SigningKey;
        return FromBase64(encoded);
    }

    private static SymmetricSecurityKey FromBase64(string encoded)
    {
        var bytes = Convert.FromBase64String(encoded.Trim());
        return new SymmetricSecurityKey(bytes) { KeyId = KeyIdOf(bytes) };
    }

    public static string KeyIdOf(byte[] key) => Convert.ToHexString(SHA256.HashData(key))[..16];

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
