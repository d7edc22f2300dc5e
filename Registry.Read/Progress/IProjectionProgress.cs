namespace Registry.Read.Progress;

/// <summary>How far the read models have got in the log: the lowest checkpoint of the projections queries depend on.</summary>
public interface IProjectionProgress
{
    Task<long> PositionAsync(CancellationToken ct);
}
