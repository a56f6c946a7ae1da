using L2R.Domain.Intel;
using L2R.Domain.Leads;

namespace L2R.Domain.Tests;

public class IntelCaptureTests
{
    [Theory]
    [InlineData(ActivityType.Call, true)]
    [InlineData(ActivityType.Meeting, true)]
    [InlineData(ActivityType.EmailSent, true)]
    [InlineData(ActivityType.PageView, false)]
    [InlineData(ActivityType.EmailOpen, false)]
    [InlineData(ActivityType.FormSubmission, false)]
    public void CanCarryIntel_OnlyForARepsOwnTouches(ActivityType type, bool expected) => Assert.Equal(expected, IntelCapture.CanCarryIntel(type));

    [Theory]
    [InlineData(LeadTrigger.Reject, true)]
    [InlineData(LeadTrigger.Recycle, true)]
    [InlineData(LeadTrigger.Lose, true)]
    [InlineData(LeadTrigger.Disqualify, true)]
    [InlineData(LeadTrigger.Accept, false)]
    [InlineData(LeadTrigger.Win, false)]
    public void CanCarryIntel_OnlyForMovesWithAReason(LeadTrigger trigger, bool expected) => Assert.Equal(expected, IntelCapture.CanCarryIntel(trigger));

    [Theory]
    [InlineData("HubSpot", "hubspot ")]
    [InlineData("Hub  Spot", " hub spot")]
    public void NormalizeLabel_MakesCaseAndSpacingTheSameTag(string a, string b) => Assert.Equal(IntelCapture.NormalizeLabel(a), IntelCapture.NormalizeLabel(b));

    [Fact]
    public void TidyLabel_KeepsTheCaseTheRepTyped() => Assert.Equal("Hub Spot CRM", IntelCapture.TidyLabel("  Hub   Spot CRM "));

    [Theory]
    [InlineData(null, CompanySizeBand.Unknown)]
    [InlineData(0, CompanySizeBand.Unknown)]
    [InlineData(1, "1–10")]
    [InlineData(10, "1–10")]
    [InlineData(11, "11–50")]
    [InlineData(200, "51–200")]
    [InlineData(1000, "201–1000")]
    [InlineData(1001, "1000+")]
    public void CompanySizeBand_PutsEachSizeInOneBand(int? employees, string band) => Assert.Equal(band, CompanySizeBand.Of(employees));

    [Fact]
    public void CompanySizeBand_RangeHoldsExactlyTheSizesOfItsBand()
    {
        foreach (var size in new[] { 1, 10, 11, 50, 51, 200, 201, 1000, 1001, 50_000 })
        {
            var (from, upTo) = CompanySizeBand.Range(CompanySizeBand.Of(size))!.Value;
            Assert.InRange(size, from, upTo);
        }

        Assert.Null(CompanySizeBand.Range(CompanySizeBand.Unknown));
    }
}
