using System.ComponentModel.DataAnnotations;
using L2R.Api.Infrastructure.Data;
using Microsoft.Extensions.Options;

namespace L2R.Api.Infrastructure.Auth;

public sealed class AuthOptions
{
    public const string Section = "Auth";
    public const int MinimumKeyBytes = 32;

    [Required(ErrorMessage = "Auth:Issuer is required.")]
    public string Issuer { get; set; } = "l2r";

    [Required(ErrorMessage = "Auth:Audience is required.")]
    public string Audience { get; set; } = "l2r-api";

    /// <summary>Base64 HMAC-SHA256 key of at least 32 bytes; from configuration or Key Vault, never the repository.</summary>
    public string? SigningKey { get; set; }

    /// <summary>
    /// Keys that signed tokens before the last rotation (base64): still accepted, never used to sign, so people stay
    /// signed in while the new key takes over. Drop a key once a refresh has replaced every token it signed
    /// (<see cref="AccessTokenMinutes"/> after the rotation).
    /// </summary>
    public IList<string> PreviousSigningKeys { get; set; } = [];

    [Range(1, 24 * 60, ErrorMessage = "Auth:AccessTokenMinutes must be between 1 and 1440.")]
    public int AccessTokenMinutes { get; set; } = 15;

    [Range(1, 365, ErrorMessage = "Auth:RefreshTokenDays must be between 1 and 365.")]
    public int RefreshTokenDays { get; set; } = 14;
}

/// <summary>
/// The signing key is checked at start rather than at the first sign-in: a Key Vault reference that did not resolve
/// arrives as its own literal text, and the service should refuse to start, not refuse every user. Takes the database
/// settings as bound at registration, so a bad database setting is reported beside this one rather than instead of it.
/// </summary>
public sealed class AuthOptionsValidator(DatabaseOptions database) : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.SigningKey))
        {
            return database.IsEmbeddedDefault
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail($"Auth:SigningKey is required for the {database.Provider} provider (base64, at least {AuthOptions.MinimumKeyBytes} bytes).");
        }

        if (!IsKey(options.SigningKey))
        {
            return ValidateOptionsResult.Fail($"Auth:SigningKey must be base64 of at least {AuthOptions.MinimumKeyBytes} bytes.");
        }

        return options.PreviousSigningKeys.All(IsKey)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Each of Auth:PreviousSigningKeys must be base64 of at least {AuthOptions.MinimumKeyBytes} bytes.");
    }

    private static bool IsKey(string? encoded)
    {
        if (string.IsNullOrWhiteSpace(encoded))
        {
            return false;
        }

        var bytes = new byte[encoded.Length];
        return Convert.TryFromBase64String(encoded.Trim(), bytes, out var length) && length >= AuthOptions.MinimumKeyBytes;
    }
}
