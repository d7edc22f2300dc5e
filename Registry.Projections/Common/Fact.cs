using Registry.Contracts.Common;

namespace Registry.Projections.Common;

/// <summary>
/// An event as a projection applies it: the fact's data (the replacement payload when it was corrected) and its
/// <see cref="Provenance"/>.
/// </summary>
public sealed class Fact(long position, Guid eventId, Guid? revisedBy, string stream, IRegistryEvent data)
{
    public IRegistryEvent Data { get; } = data;

    public Provenance Provenance { get; } = new(position, eventId, revisedBy, stream, data);

    public long Position => Provenance.ValidFrom;
}
