using System.ComponentModel.DataAnnotations;

namespace L2R.Api.Infrastructure.Scheduling;

public sealed class SlaOptions
{
    public const string Section = "Sla";

    /// <summary>How often SLA clocks are checked for warnings and breaches; 0 turns the check off.</summary>
    [Range(0, 3600, ErrorMessage = "Sla:CheckIntervalSeconds must be between 0 (off) and 3600.")]
    public int CheckIntervalSeconds { get; set; } = 60;
}
