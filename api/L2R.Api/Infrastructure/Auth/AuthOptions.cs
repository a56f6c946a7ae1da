namespace L2R.Api.Infrastructure.Auth;

public sealed class AuthOptions
{
    public const string Section = "Auth";

    public string Issuer { get; set; } = "l2r";
    public string Audience { get; set; } = "l2r-api";

    /// <summary>Base64 HMAC-SHA256 key of at least 32 bytes; from configuration or Key Vault, never the repository.</summary>
    public string? SigningKey { get; set; }

    public int AccessTokenMinutes { get; set; } = 15;
    public int RefreshTokenDays { get; set; } = 14;
}
