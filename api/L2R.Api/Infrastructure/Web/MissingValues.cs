using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;

namespace L2R.Api.Infrastructure.Web;

/// <summary>
/// A JSON body may leave out, or send null for, a member its C# type declares non-nullable; System.Text.Json then
/// leaves it null and a validator or handler would dereference it. This finds every such member of a message, nested
/// records and list items included, so the message is refused as a validation error naming each one (as the JSON
/// names it) before any validator runs.
/// </summary>
public static class MissingValues
{
    private static readonly ConcurrentDictionary<Type, Member[]> MembersByType = new();

    private static readonly NullabilityInfoContext Nullability = new();

    private static readonly Lock ReadingNullability = new();

    public static List<string> In(object message)
    {
        var missing = new List<string>();
        Walk(message, "", missing, depth: 0);
        return missing;
    }

    private static void Walk(object value, string path, List<string> missing, int depth)
    {
        if (depth > 32 || IsLeaf(value.GetType()))
        {
            return;
        }

        foreach (var member in MembersOf(value.GetType()))
        {
            var child = member.Property.GetValue(value);
            var childPath = path.Length == 0 ? member.JsonName : $"{path}.{member.JsonName}";
            if (child is null)
            {
                if (member.Required)
                {
                    missing.Add(childPath);
                }

                continue;
            }

            if (child is IEnumerable items and not string && child is not IDictionary)
            {
                var index = 0;
                foreach (var item in items)
                {
                    if (item is null)
                    {
                        if (member.ItemsRequired)
                        {
                            missing.Add($"{childPath}[{index}]");
                        }
                    }
                    else
                    {
                        Walk(item, $"{childPath}[{index}]", missing, depth + 1);
                    }

                    index++;
                }
            }
            else
            {
                Walk(child, childPath, missing, depth + 1);
            }
        }
    }

    /// <summary>Only the messages' own shapes are walked: strings, primitives, enums and framework types have no members a client sets.</summary>
    private static bool IsLeaf(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type.Namespace?.StartsWith("System", StringComparison.Ordinal) == true
        || type.Namespace?.StartsWith("Microsoft", StringComparison.Ordinal) == true;

    private static Member[] MembersOf(Type type) => MembersByType.GetOrAdd(type, static t =>
    {
        lock (ReadingNullability)
        {
            return t.GetProperties(BindingFlags.Instance | BindingFlags.Public)
                .Where(p => p.CanRead && p.SetMethod is { IsPublic: true } && p.GetIndexParameters().Length == 0 && !p.PropertyType.IsValueType)
                .Select(p =>
                {
                    var info = Nullability.Create(p);
                    var itemInfo = info.ElementType ?? (info.GenericTypeArguments.Length == 1 ? info.GenericTypeArguments[0] : null);
                    return new Member(p, JsonNamingPolicy.CamelCase.ConvertName(p.Name), info.WriteState == NullabilityState.NotNull,
                        itemInfo is { ReadState: NullabilityState.NotNull } && !itemInfo.Type.IsValueType);
                })
                .ToArray();
        }
    });

    private sealed record Member(PropertyInfo Property, string JsonName, bool Required, bool ItemsRequired);
}
