using System.Buffers;
using System.Text;
using L2R.Api.Infrastructure.Data;
using L2R.Api.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Imports;

/// <summary>
/// Keeps an uploaded file in the database in 1 MiB chunks, so any instance can run or resume the import and none holds
/// the file in memory. The upload is checked as it streams in: its size, and that it is UTF-8 text (a file saved in
/// another encoding is refused at its first bad line, before anything is imported).
/// </summary>
public sealed class ImportFileStore(L2RDbContext db)
{
    public const int ChunkBytes = 1024 * 1024;

    /// <summary>Writes <paramref name="source"/> as the run's file, one chunk per save; returns its size.</summary>
    public async Task<long> SaveAsync(Guid runId, Stream source, long maxBytes, CancellationToken ct)
    {
        var decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetDecoder();
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        var chars = ArrayPool<char>.Shared.Rent(ChunkBytes + 4);
        long total = 0;
        long lines = 1;
        try
        {
            for (var index = 0; ; index++)
            {
                var filled = await FillAsync(source, buffer, ct);
                try
                {
                    decoder.GetChars(buffer, 0, filled, chars, 0, flush: filled < ChunkBytes);
                }
                catch (DecoderFallbackException bad)
                {
                    var at = Math.Clamp(bad.Index, 0, filled);
                    throw RequestValidationException.For("file", $"Line {lines + buffer.AsSpan(0, at).Count((byte)'\n')} is not UTF-8 text: save the file as UTF-8 (CSV UTF-8 in Excel) and upload it again.");
                }

                if (filled == 0)
                {
                    return total;
                }

                total += filled;
                if (total > maxBytes)
                {
                    throw new BadHttpRequestException($"The file is larger than {maxBytes / (1024 * 1024)} MB.", StatusCodes.Status413PayloadTooLarge);
                }

                lines += buffer.AsSpan(0, filled).Count((byte)'\n');
                db.ImportFileChunks.Add(new ImportFileChunk { ImportRunId = runId, Index = index, Data = buffer.AsSpan(0, filled).ToArray() });
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>The run's file, read back one chunk at a time.</summary>
    public Stream OpenRead(Guid runId) => new ChunkStream(db, runId);

    private static async Task<int> FillAsync(Stream source, byte[] buffer, CancellationToken ct)
    {
        var filled = 0;
        while (filled < ChunkBytes)
        {
            var read = await source.ReadAsync(buffer.AsMemory(filled, ChunkBytes - filled), ct);
            if (read == 0)
            {
                break;
            }

            filled += read;
        }

        return filled;
    }

    private sealed class ChunkStream(L2RDbContext db, Guid runId) : Stream
    {
        private byte[] _chunk = [];
        private int _position;
        private int _next;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_position == _chunk.Length)
            {
                var index = _next;
                var next = await db.ImportFileChunks.AsNoTracking()
                    .Where(c => c.ImportRunId == runId && c.Index == index)
                    .Select(c => c.Data)
                    .FirstOrDefaultAsync(cancellationToken);
                if (next is null)
                {
                    return 0;
                }

                (_chunk, _position, _next) = (next, 0, _next + 1);
            }

            var count = Math.Min(buffer.Length, _chunk.Length - _position);
            _chunk.AsMemory(_position, count).CopyTo(buffer);
            _position += count;
            return count;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
