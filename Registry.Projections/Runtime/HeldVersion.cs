namespace Registry.Projections.Runtime;

/// <summary>Writes the rows of an entity version held by <see cref="KnownEntities"/>, in a batch's statements, with the
/// <c>valid_to</c> it was closed at (null: still open).</summary>
public delegate Task HeldVersion(ProjectionBatch batch, long? validTo);
