using System.Text.Json;
using System.Text.Json.Serialization;

namespace L2R.Domain.Agreements;

/// <summary>How an agreement is stored: camelCase, enums as names, and the criterion kind accepted anywhere in the object (jsonb reorders keys).</summary>
public static class AgreementJson
{
    public static readonly JsonSerializerOptions Options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.AllowOutOfOrderMetadataProperties = true;
        options.Converters.Add(new JsonStringEnumConverter());
        return options;
    }

    public static string Serialize(LeadAgreement agreement) => JsonSerializer.Serialize(agreement, Options);

    public static LeadAgreement Deserialize(string json) =>
        JsonSerializer.Deserialize<LeadAgreement>(json, Options) ?? throw new JsonException("The agreement is empty.");
}
