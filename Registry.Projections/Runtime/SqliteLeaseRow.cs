using Dapper;

namespace Registry.Projections.Runtime;

/// <summary>
/// Ownership on SQLite: a row in <c>projection_leases</c> with the owner and an expiry, renewed every 1.5 seconds.
/// When the owner dies its lease runs out after <see cref="Duration"/>, and the next attempt of another process takes it.
/// </summary>
public sealed class SqliteLeaseRow(ProjectionDatabase database, string projection, string owner) : IProjectionLease
{
    public static readonly TimeSpan Duration = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan RenewEvery = TimeSpan.FromMilliseconds(1500);
    private CancellationTokenSource _lost = new();
    private CancellationTokenSource? _renewing;
    private Task _renew = Task.CompletedTask;

    public CancellationToken Lost => _lost.Token;

    public async Task<bool> TryAcquireAsync(CancellationToken ct)
    {
        await ReleaseAsync();
        await using (var connection = await database.OpenConnectionAsync(ct))
        {
            var now = ProjectionDatabase.NowUs();
            var taken = await connection.ExecuteAsync(
                "INSERT INTO projection_leases (name, owner, expires_at_us) VALUES (@projection, @owner, @expires) " +
                "ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, expires_at_us = excluded.expires_at_us " +
                "WHERE projection_leases.expires_at_us < @now OR projection_leases.owner = excluded.owner",
                new { projection, owner, now, expires = now + (long)Duration.TotalMicroseconds });
            if (taken != 1) return false;
        }
        _lost = new CancellationTokenSource();
        _renewing = new CancellationTokenSource();
        _renew = RenewAsync(_renewing.Token);
        return true;
    }

    private async Task RenewAsync(CancellationToken ct)
    {
        try
        {
            while (true)
            {
                await Task.Delay(RenewEvery, ct);
                await using var connection = await database.OpenConnectionAsync(ct);
                var now = ProjectionDatabase.NowUs();
                var renewed = await connection.ExecuteAsync(
                    "UPDATE projection_leases SET expires_at_us = @expires WHERE name = @projection AND owner = @owner AND expires_at_us >= @now",
                    new { projection, owner, now, expires = now + (long)Duration.TotalMicroseconds });
                if (renewed != 1) break;
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { return; }
        catch (Exception) { }
        await _lost.CancelAsync();
    }

    public async Task ReleaseAsync()
    {
        if (_renewing is null) return;
        await _renewing.CancelAsync();
        await _renew;
        _renewing.Dispose();
        _renewing = null;
        await _lost.CancelAsync();
        try
        {
            await using var connection = await database.OpenConnectionAsync();
            await connection.ExecuteAsync("DELETE FROM projection_leases WHERE name = @projection AND owner = @owner", new { projection, owner });
        }
        catch (Exception) { } // it runs out by itself
    }

    public async ValueTask DisposeAsync()
    {
        await ReleaseAsync();
        _lost.Dispose();
    }
}
