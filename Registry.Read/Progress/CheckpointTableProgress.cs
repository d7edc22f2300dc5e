using Dapper;

namespace Registry.Read.Progress;

/// <summary>
/// Reads the projection runtime's checkpoints (<c>projection_checkpoints(name, position)</c>). A stand-in until the
/// runtime's own wait-for-position helper is available: swap it in behind <see cref="IProjectionProgress"/>. When the
/// table does not exist yet, nothing has been projected: position 0.
/// </summary>
public sealed class CheckpointTableProgress(ReadDatabase database) : IProjectionProgress
{
    public async Task<long> PositionAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        try
        {
            return await connection.ExecuteScalarAsync<long?>(new CommandDefinition("SELECT min(position) FROM projection_checkpoints", cancellationToken: ct)) ?? 0;
        }
        catch (System.Data.Common.DbException)
        {
            return 0;
        }
    }
}
