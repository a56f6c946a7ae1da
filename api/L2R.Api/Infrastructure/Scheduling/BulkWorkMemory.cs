namespace L2R.Api.Infrastructure.Scheduling;

/// <summary>
/// After a bulk pass (an import, an activation) the garbage of its batches sits in the oldest generation, and a server
/// that is quiet afterwards runs no collection that would give it back: the process stays hundreds of MB larger for
/// hours. One compacting, decommitting collection when the pass ends returns it; it costs a pause of tens of
/// milliseconds once per pass, which a background job can afford and requests never see.
/// </summary>
internal static class BulkWorkMemory
{
    public static void GiveBack() => GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
}
