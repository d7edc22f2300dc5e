namespace Registry.Projections.Runtime;

/// <summary>A checkpoint write found the row moved by someone else: this process no longer owns the projection.</summary>
public sealed class ProjectionLeaseLostException(string projection)
    : Exception($"Projection '{projection}' was taken over by another process.");
