using System.Globalization;
using System.Linq.Expressions;
using System.Text;
using System.Text.Json;
using L2R.Domain.Leads;

namespace L2R.Api.Features.Leads;

public enum LeadSortField
{
    UpdatedAt,
    CreatedAt,
    Name,
    Email,
    Company,
    Stage,
    TotalScore,
    Source,
    Campaign,
    StageEnteredAt,
}

public enum SortOrder
{
    Asc,
    Desc,
}

/// <summary>Where a page of the list ended: the sort it belongs to, the last row's sort key and id.</summary>
public sealed record LeadCursor(LeadSortField Sort, SortOrder Order, string Key, Guid Id)
{
    public string Encode() => Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(this)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static LeadCursor? Decode(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return null;
        }

        try
        {
            var base64 = cursor.Replace('-', '+').Replace('_', '/');
            var bytes = Convert.FromBase64String(base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '='));
            return JsonSerializer.Deserialize<LeadCursor>(bytes) is { Key: not null } decoded && LeadSort.Parses(decoded) ? decoded : null;
        }
        catch (Exception ex) when (ex is FormatException or JsonException or DecoderFallbackException)
        {
            return null;
        }
    }
}

/// <summary>
/// The list's orders, each with a unique tie-break on the id, and keyset paging over them: the next page starts after
/// the last row's (key, id), so a page deep in 100,000 leads costs what the first one does, and rows written meanwhile
/// never shift a page. Nullable text sorts as empty text, so the key and the comparison agree on every provider.
/// </summary>
public static class LeadSort
{
    private static readonly Dictionary<LeadSortField, ISortKey> Keys = new()
    {
        [LeadSortField.UpdatedAt] = new DateKey(l => l.UpdatedAt),
        [LeadSortField.CreatedAt] = new DateKey(l => l.CreatedAt),
        [LeadSortField.StageEnteredAt] = new DateKey(l => l.StageEnteredAt),
        [LeadSortField.Name] = new TextKey(l => l.DisplayName),
        [LeadSortField.Email] = new TextKey(l => l.NormalizedEmail ?? ""),
        [LeadSortField.Company] = new TextKey(l => l.Company ?? ""),
        [LeadSortField.Source] = new TextKey(l => l.Source ?? ""),
        [LeadSortField.Campaign] = new TextKey(l => l.Campaign ?? ""),
        [LeadSortField.TotalScore] = new NumberKey(l => l.TotalScore),
        [LeadSortField.Stage] = new NumberKey(StageOrdinal()),
    };

    public static IQueryable<Lead> Order(IQueryable<Lead> leads, LeadSortField sort, SortOrder order) =>
        Keys[sort].Order(leads, order == SortOrder.Desc).ThenBy(l => l.Id);

    /// <summary>The rows after <paramref name="cursor"/> in its order.</summary>
    public static IQueryable<Lead> After(IQueryable<Lead> leads, LeadCursor cursor) =>
        leads.Where(Keys[cursor.Sort].After(cursor.Key, cursor.Id, cursor.Order == SortOrder.Desc));

    /// <summary>The cursor that continues after <paramref name="last"/>, read from the lead itself so it matches the SQL order.</summary>
    public static LeadCursor CursorAfter(Lead last, LeadSortField sort, SortOrder order) => new(sort, order, Keys[sort].Format(last), last.Id);

    internal static bool Parses(LeadCursor cursor) => Keys.TryGetValue(cursor.Sort, out var key) && key.Parses(cursor.Key);

    private static Expression<Func<Lead, int>> StageOrdinal()
    {
        // The process order (Raw, Scored, MQL, …), not the stored names' alphabetical order.
        var lead = Expression.Parameter(typeof(Lead), "l");
        var state = Expression.Property(lead, nameof(Lead.State));
        Expression body = Expression.Constant(LeadStates.All.Count);
        foreach (var stage in LeadStates.All.Reverse())
        {
            body = Expression.Condition(Expression.Equal(state, Expression.Constant(stage)), Expression.Constant((int)stage), body);
        }

        return Expression.Lambda<Func<Lead, int>>(body, lead);
    }

    private interface ISortKey
    {
        IOrderedQueryable<Lead> Order(IQueryable<Lead> leads, bool descending);

        Expression<Func<Lead, bool>> After(string key, Guid id, bool descending);

        string Format(Lead lead);

        bool Parses(string key);
    }

    private abstract class SortKey<T>(Expression<Func<Lead, T>> key) : ISortKey
    {
        private readonly Func<Lead, T> _read = key.Compile();

        public IOrderedQueryable<Lead> Order(IQueryable<Lead> leads, bool descending) =>
            descending ? leads.OrderByDescending(key) : leads.OrderBy(key);

        public Expression<Func<Lead, bool>> After(string key1, Guid id, bool descending)
        {
            var lead = key.Parameters[0];
            var value = Parameter(Parse(key1));
            var (left, right) = Comparable(key.Body, value);
            var beyond = descending ? Expression.LessThan(left, right) : Expression.GreaterThan(left, right);
            var reached = descending ? Expression.LessThanOrEqual(left, right) : Expression.GreaterThanOrEqual(left, right);
            var idAfter = Expression.GreaterThan(
                Expression.Call(Expression.Property(lead, nameof(Lead.Id)), typeof(Guid).GetMethod(nameof(Guid.CompareTo), [typeof(Guid)])!, Parameter(id)),
                Expression.Constant(0));

            // "key reached, and past it or past the id": the first half alone bounds an index range scan, which
            // "beyond, or equal and past the id" does not.
            return Expression.Lambda<Func<Lead, bool>>(Expression.AndAlso(reached, Expression.OrElse(beyond, idAfter)), lead);
        }

        public string Format(Lead lead) => Format(_read(lead));

        public bool Parses(string key1)
        {
            try
            {
                Parse(key1);
                return true;
            }
            catch (FormatException)
            {
                return false;
            }
        }

        protected abstract T Parse(string key);

        protected abstract string Format(T value);

        /// <summary>The two sides of an ordering comparison; text compares through <see cref="string.Compare(string, string)"/>, which EF translates.</summary>
        protected virtual (Expression Left, Expression Right) Comparable(Expression key, Expression value) => (key, value);

        /// <summary>A captured value, so EF sends it as a parameter rather than inlining it into the SQL.</summary>
        private static MemberExpression Parameter<TValue>(TValue value) => Expression.Property(Expression.Constant(new Box<TValue>(value)), nameof(Box<TValue>.Value));
    }

    private sealed record Box<TValue>(TValue Value);

    private sealed class DateKey(Expression<Func<Lead, DateTime>> key) : SortKey<DateTime>(key)
    {
        protected override DateTime Parse(string key) => new(long.Parse(key, CultureInfo.InvariantCulture), DateTimeKind.Utc);

        protected override string Format(DateTime value) => value.Ticks.ToString(CultureInfo.InvariantCulture);
    }

    private sealed class NumberKey(Expression<Func<Lead, int>> key) : SortKey<int>(key)
    {
        protected override int Parse(string key) => int.Parse(key, CultureInfo.InvariantCulture);

        protected override string Format(int value) => value.ToString(CultureInfo.InvariantCulture);
    }

    private sealed class TextKey(Expression<Func<Lead, string>> key) : SortKey<string>(key)
    {
        protected override string Parse(string key) => key;

        protected override string Format(string value) => value;

        protected override (Expression Left, Expression Right) Comparable(Expression key, Expression value) =>
            (Expression.Call(typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!, key, value), Expression.Constant(0));
    }
}
