namespace Registry.Projections.Runtime;

/// <summary>Wraps what a projection's handler threw, to tell it apart from the runtime's own failures.</summary>
internal sealed class ProjectionHandlerException(Exception inner) : Exception(inner.Message, inner);
