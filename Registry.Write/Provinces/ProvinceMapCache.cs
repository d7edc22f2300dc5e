using Registry.Contracts.Common;
using Registry.EventStore;
using Registry.Write.Pipeline;

namespace Registry.Write.Provinces;

/// <summary>
/// The provincial map every command checks its codes against, kept in memory. It is read again when its stream has
/// moved: checked at most every <see cref="RecheckAfter"/>, at once after this process wrote to it, and whenever a
/// code fails (so that a map recorded by another process a moment ago is never missed when refusing).
/// </summary>
public sealed class ProvinceMapCache(IEventStore store, StreamLoader loader, TimeProvider clock)
{
    public static readonly TimeSpan RecheckAfter = TimeSpan.FromSeconds(2);
    private readonly SemaphoreSlim _reading = new(1, 1);
    private ProvinceMap? _map;
    private long _checkedAt; // 0: check before the next use

    public async ValueTask<ProvinceMap> GetAsync(CancellationToken ct)
    {
        var map = Volatile.Read(ref _map);
        var checkedAt = Interlocked.Read(ref _checkedAt);
        if (map is not null && checkedAt != 0 && clock.GetElapsedTime(checkedAt) < RecheckAfter) return map;
        return await RefreshAsync(ct);
    }

    /// <summary>Reads the stream again if it moved since the map was folded.</summary>
    public async ValueTask<ProvinceMap> RefreshAsync(CancellationToken ct)
    {
        await _reading.WaitAsync(ct);
        try
        {
            var revision = await store.GetStreamRevisionAsync(StreamNames.ProvinceMap, ct);
            if (_map is null || revision != _map.Revision)
                Volatile.Write(ref _map, ProvinceMap.From(await loader.LoadAsync(StreamNames.ProvinceMap, ct)));
            Interlocked.Exchange(ref _checkedAt, clock.GetTimestamp());
            return _map!;
        }
        finally { _reading.Release(); }
    }

    /// <summary>This process wrote to the map: the next read checks the stream.</summary>
    public void Invalidate() => Interlocked.Exchange(ref _checkedAt, 0);
}
