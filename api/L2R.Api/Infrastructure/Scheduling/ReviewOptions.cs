using System.ComponentModel.DataAnnotations;

namespace L2R.Api.Infrastructure.Scheduling;

public sealed class ReviewOptions
{
    public const string Section = "Reviews";

    /// <summary>How often due review briefs are looked for; 0 turns the scheduled brief off. A brief falls due at a local midnight, so minutes suffice.</summary>
    [Range(0, 1440, ErrorMessage = "Reviews:BriefCheckMinutes must be between 0 (off) and 1440.")]
    public int BriefCheckMinutes { get; set; } = 15;
}
