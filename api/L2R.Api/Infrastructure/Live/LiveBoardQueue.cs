using System.Threading.Channels;

namespace L2R.Api.Infrastructure.Live;

/// <summary>
/// Committed changes waiting to be pushed. Writing never waits, so a commit's request is not held up by the push;
/// one reader (<see cref="LiveBoardPublisher"/>) sends them in commit order.
/// </summary>
public sealed class LiveBoardQueue
{
    private readonly Channel<LiveCommit> _commits = Channel.CreateUnbounded<LiveCommit>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<LiveCommit> Reader => _commits.Reader;

    public void Enqueue(LiveCommit commit) => _commits.Writer.TryWrite(commit);
}
