namespace L2R.Api.Infrastructure.Scheduling;

/// <summary>
/// After a bulk pass (an import, an activation) the garbage of its batches sits in the oldest generation, and a server
/// that is quiet afterwards runs no collection that would give it back: the process stays hundreds of MB larger for
/// hours. One compacting, decommitting collection when the pass ends returns it. It blocks the whole process for tens
/// of milliseconds, so requests in flight at that moment wait that long, once per pass.
/// </summary>
internal static class BulkWorkMemory
{
    public static void GiveBack() => GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
}
