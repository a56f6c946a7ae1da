using System.Diagnostics.Metrics;
using L2R.Domain.Leads;

namespace L2R.Api.Infrastructure.Telemetry;

/// <summary>
/// L2R's own measures, beside the HTTP and database ones OpenTelemetry collects: how leads move (and why they do not),
/// how long the guards take, webhooks, SLA warnings and breaches, import rows, open live board connections. Made through the host's
/// <see cref="IMeterFactory"/>, so each API instance (and each test host) has its own meter.
/// </summary>
public sealed class L2RMetrics
{
    public const string MeterName = "L2R";

    private readonly Counter<long> _transitions;
    private readonly Histogram<double> _guardDuration;
    private readonly Counter<long> _webhookDeliveries;
    private readonly Counter<long> _slaEvents;
    private readonly Counter<long> _importRows;
    private readonly UpDownCounter<long> _hubConnections;

    public L2RMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _transitions = meter.CreateCounter<long>("l2r.transitions", "{transition}", "Moves by trigger and outcome: moved (committed), refused (a guard unmet: 422), forbidden, or conflict (409/412).");
        _guardDuration = meter.CreateHistogram<double>("l2r.guard.duration", "ms", "Time to judge one move or advance against the agreement: facts, guards, scoring.");
        _webhookDeliveries = meter.CreateCounter<long>("l2r.webhook.deliveries", "{delivery}", "Webhook delivery attempts by outcome: delivered, failed, gone (410).");
        _slaEvents = meter.CreateCounter<long>("l2r.sla.events", "{event}", "SLA warnings and breaches recorded.");
        _importRows = meter.CreateCounter<long>("l2r.import.rows", "{row}", "CSV import rows committed; its rate is the import's rows per second.");
        _hubConnections = meter.CreateUpDownCounter<long>("l2r.signalr.connections", "{connection}", "Live board (SignalR) connections open on this instance.");
    }

    public void Moved(LeadTrigger? trigger) => _transitions.Add(1, Trigger(trigger), new("outcome", "moved"));

    public void NotMoved(LeadTrigger? trigger, string outcome) => _transitions.Add(1, Trigger(trigger), new("outcome", outcome));

    public void Judged(TimeSpan elapsed) => _guardDuration.Record(elapsed.TotalMilliseconds);

    public void Delivered(string outcome) => _webhookDeliveries.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void SlaRecorded(int warnings, int breaches)
    {
        _slaEvents.Add(warnings, new KeyValuePair<string, object?>("kind", "warning"));
        _slaEvents.Add(breaches, new KeyValuePair<string, object?>("kind", "breach"));
    }

    public void ImportedRows(int rows) => _importRows.Add(rows);

    public void HubConnected() => _hubConnections.Add(1);

    public void HubDisconnected() => _hubConnections.Add(-1);

    /// <summary>A lead's creation is its entry into its first stage, with no trigger: counted as "Create".</summary>
    private static KeyValuePair<string, object?> Trigger(LeadTrigger? trigger) => new("trigger", trigger?.ToString() ?? "Create");
}
