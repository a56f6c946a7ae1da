namespace L2R.Api.Infrastructure.Web;

public static class ETags
{
    public static string For(int version) => $"\"{version}\"";

    /// <summary>Reads <c>If-Match: "7"</c> (weak or strong). Absent or <c>*</c> (any current version, RFC 9110) means "no precondition"; unreadable never matches a version.</summary>
    public static int? ParseIfMatch(string? ifMatch)
    {
        if (string.IsNullOrWhiteSpace(ifMatch) || ifMatch.Trim() == "*")
        {
            return null;
        }

        var value = ifMatch.Trim();
        if (value.StartsWith("W/", StringComparison.Ordinal))
        {
            value = value[2..];
        }

        return int.TryParse(value.Trim('"'), out var version) ? version : -1;
    }
}
