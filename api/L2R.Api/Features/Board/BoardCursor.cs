namespace L2R.Api.Features.Board;

/// <summary>An opaque position in a column; clients pass back what they were given.</summary>
internal static class BoardCursor
{
    public static string Encode(int offset) => Convert.ToBase64String(BitConverter.GetBytes(offset)).TrimEnd('=');

    public static bool TryDecode(string? cursor, out int offset)
    {
        offset = 0;
        if (string.IsNullOrEmpty(cursor))
        {
            return true;
        }

        try
        {
            var bytes = Convert.FromBase64String(cursor.PadRight(cursor.Length + ((4 - (cursor.Length % 4)) % 4), '='));
            offset = bytes.Length == 4 ? BitConverter.ToInt32(bytes) : -1;
        }
        catch (FormatException)
        {
            offset = -1;
        }

        return offset >= 0;
    }
}
