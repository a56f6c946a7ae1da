using L2R.Domain.Agreements;
using L2R.Domain.Metrics;

namespace L2R.Domain.Tests;

public sealed class DriftCheckTests
{
    private const int Live = 4;
    private static readonly DateTime Now = Clock.Now;
    private static readonly DriftAlarms Alarms = new() { MqlAcceptanceFloor = 0.5, RejectRateCeiling = 0.4, MinimumSample = 10 };

    [Fact]
    public void Read_GivesEachSetAlarmItsShareOfTheDecisions()
    {
        var readings = DriftCheck.Read(Alarms, accepted: 4, rejected: 6);

        Assert.Equal([DriftMeasure.MqlAcceptanceRate, DriftMeasure.RejectRate], readings.Select(r => r.Measure));
        Assert.Equal((0.4, 0.5, true), (readings[0].Value!.Value, readings[0].Threshold, readings[0].Crossed));
        Assert.Equal((0.6, 0.4, true), (readings[1].Value!.Value, readings[1].Threshold, readings[1].Crossed));
        Assert.Empty(DriftCheck.Read(new DriftAlarms(), 4, 6));
    }

    [Fact]
    public void Read_BelowTheMinimumSample_NeverCrosses_AndWithoutDecisionsHasNoValue()
    {
        Assert.All(DriftCheck.Read(Alarms, accepted: 0, rejected: 9), r => Assert.False(r.Crossed));
        Assert.All(DriftCheck.Read(Alarms, accepted: 0, rejected: 0), r => Assert.Null(r.Value));
        Assert.False(DriftCheck.Read(Alarms, accepted: 5, rejected: 5)[0].Crossed);
    }

    [Fact]
    public void Plan_OpensOneAlertPerCrossing_AndNoSecondWhileItIsOpen()
    {
        var crossed = DriftCheck.Read(Alarms, accepted: 3, rejected: 7);

        var first = DriftCheck.Plan(crossed, [], Live);
        var open = first.Open.Select(r => DriftAlert.Open(r, Live, 1, Now)).ToList();
        var second = DriftCheck.Plan(crossed, open, Live);

        Assert.Equal(2, first.Open.Count);
        Assert.Empty(second.Open);
        Assert.Empty(second.End);
    }

    [Fact]
    public void Plan_EndsAnEpisodeBackWithinBounds_OrOfAnotherVersion_OrWhoseAlarmIsGone_ButNotOnTooFewDecisions()
    {
        var acceptance = DriftAlert.Open(DriftCheck.Read(Alarms, 3, 7)[0], Live, 1, Now);
        var rejects = DriftAlert.Open(DriftCheck.Read(Alarms, 3, 7)[1], Live, 1, Now);
        var older = DriftAlert.Open(DriftCheck.Read(Alarms, 3, 7)[0], Live - 1, 2, Now);

        var recovered = DriftCheck.Plan(DriftCheck.Read(Alarms, 8, 2), [acceptance, rejects, older], Live);
        var thin = DriftCheck.Plan(DriftCheck.Read(Alarms, 5, 0), [acceptance, rejects], Live);
        var floorOnly = DriftCheck.Plan(DriftCheck.Read(Alarms with { RejectRateCeiling = null }, 3, 7), [acceptance, rejects], Live);

        Assert.Equal([acceptance, rejects, older], recovered.End.OrderBy(a => a.AgreementVersion != Live).ThenBy(a => a.Measure));
        Assert.Empty(thin.End);
        Assert.Equal([rejects], floorOnly.End);
    }

    [Fact]
    public void End_KeepsTheFirstEnd()
    {
        var alert = DriftAlert.Open(DriftCheck.Read(Alarms, 3, 7)[0], Live, 1, Now);

        alert.End(Now.AddDays(1));
        alert.End(Now.AddDays(2));

        Assert.Equal(Now.AddDays(1), alert.EndedAt);
        Assert.Equal((0.3, 3, 7), (alert.Value, alert.Accepted, alert.Rejected));
    }
}
