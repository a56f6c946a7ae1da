using System.Text.Json;
using L2R.Api.Infrastructure.Data;

namespace L2R.Api.Infrastructure.Outbox;

/// <summary>
/// An event as the feed lists it and as a webhook's body carries it: its id (the <c>webhook-id</c>), type, when it
/// happened, its feed position, the lead's sequence number for lead events, and the type's <c>data</c>.
/// </summary>
public sealed record EventDto(Guid Id, string Type, DateTime Timestamp, long Position, Guid? LeadId, int? LeadSequence, JsonElement Data)
{
    public static EventDto From(OutboxEvent e) =>
        new(e.Id, e.Type, e.OccurredAt, e.Position ?? 0, e.LeadId, e.LeadSequence, JsonDocument.Parse(e.Data).RootElement.Clone());

    public string ToJson() => JsonSerializer.Serialize(this, Domain.Agreements.AgreementJson.Options);
}
