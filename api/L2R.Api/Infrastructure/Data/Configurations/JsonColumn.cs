using System.Text.Json;
using L2R.Domain.Agreements;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace L2R.Api.Infrastructure.Data.Configurations;

/// <summary>Values stored as one JSON text column (enums by name), compared by their JSON so EF sees a change inside them.</summary>
internal static class JsonColumn
{
    public static PropertyBuilder<T> AsJson<T>(this PropertyBuilder<T> property) => property.HasConversion(
        value => JsonSerializer.Serialize(value, AgreementJson.Options),
        json => JsonSerializer.Deserialize<T>(json, AgreementJson.Options)!,
        new ValueComparer<T>(
            (a, b) => JsonSerializer.Serialize(a, AgreementJson.Options) == JsonSerializer.Serialize(b, AgreementJson.Options),
            value => JsonSerializer.Serialize(value, AgreementJson.Options).GetHashCode(StringComparison.Ordinal),
            value => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(value, AgreementJson.Options), AgreementJson.Options)!));
}
