using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Registry.Projections.Runtime;

/// <summary>
/// Ownership on PostgreSQL: a session-level advisory lock per projection, held on a dedicated connection for as long
/// as this process owns it. If the process dies, its connection drops and the server frees the lock at once.
/// </summary>
public sealed class PostgresAdvisoryLease(string connectionString, string projection) : IProjectionLease
{
    private static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(2);
    // Unpooled: a pooled connection returned with the lock still held would keep it for someone else.
    private readonly string _connectionString = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ToString();
    private readonly long _key = KeyOf(projection);
    private NpgsqlConnection? _connection;
    private CancellationTokenSource _lost = new();
    private CancellationTokenSource? _watching;
    private Task _watch = Task.CompletedTask;

    public CancellationToken Lost => _lost.Token;

    public async Task<bool> TryAcquireAsync(CancellationToken ct)
    {
        await ReleaseAsync();
        try
        {
            if (_connection is null)
            {
                _connection = new NpgsqlConnection(_connectionString);
                await _connection.OpenAsync(ct);
            }
            await using var cmd = new NpgsqlCommand("SELECT pg_try_advisory_lock($1)", _connection) { Parameters = { new() { Value = _key } } };
            if (await cmd.ExecuteScalarAsync(ct) is not true) return false;
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            // The server went away or restarted: reconnect on the next attempt.
            await DropConnectionAsync();
            return false;
        }
        _lost = new CancellationTokenSource();
        _watching = new CancellationTokenSource();
        _watch = WatchAsync(_watching.Token);
        return true;
    }

    /// <summary>A lock is only as alive as its connection: probe it, and report a loss when it breaks.</summary>
    private async Task WatchAsync(CancellationToken ct)
    {
        try
        {
            while (true)
            {
                await Task.Delay(CheckEvery, ct);
                await using var cmd = new NpgsqlCommand("SELECT 1", _connection);
                await cmd.ExecuteScalarAsync(ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { }
        catch (Exception)
        {
            await _lost.CancelAsync();
        }
    }

    public async Task ReleaseAsync()
    {
        if (_watching is null) return;
        await _watching.CancelAsync();
        await _watch;
        _watching.Dispose();
        _watching = null;
        if (!_lost.IsCancellationRequested)
        {
            try
            {
                await using var cmd = new NpgsqlCommand("SELECT pg_advisory_unlock($1)", _connection) { Parameters = { new() { Value = _key } } };
                await cmd.ExecuteScalarAsync();
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException) { await DropConnectionAsync(); }
        }
        else await DropConnectionAsync();
        await _lost.CancelAsync();
    }

    private async Task DropConnectionAsync()
    {
        if (_connection is not null) await _connection.DisposeAsync();
        _connection = null;
    }

    public async ValueTask DisposeAsync()
    {
        await ReleaseAsync();
        await DropConnectionAsync();
        _lost.Dispose();
    }

    /// <summary>A stable 64-bit key per projection name.</summary>
    public static long KeyOf(string projection) =>
        BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("registry.projection:" + projection)), 0);
}
