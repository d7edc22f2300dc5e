using System.Text.Json;
using Registry.Contracts.Common;
using Registry.Contracts.Corrections;
using Registry.EventStore;

namespace Registry.Write.Pipeline;

/// <summary>
/// One stream's facts, the state a decider decides on. <see cref="Recorded"/> is every event as recorded;
/// <see cref="Effective"/> is what currently counts: a corrected fact is replaced by its correction, a retracted one is gone.
/// </summary>
public sealed class Facts
{
    public Facts(string stream, IReadOnlyList<RecordedFact> recorded)
    {
        Stream = stream;
        Recorded = recorded;
        Effective = ApplyCorrections(recorded);
    }

    public static Facts None(string stream) => new(stream, []);

    public string Stream { get; }
    public IReadOnlyList<RecordedFact> Recorded { get; }
    public IReadOnlyList<RecordedFact> Effective { get; }

    /// <summary>The stream's last revision, or null when it does not exist yet.</summary>
    public long? Revision => Recorded.Count == 0 ? null : Recorded[^1].Revision;

    public bool Exists => Recorded.Count > 0;

    public ExpectedRevision Expected => Revision is { } r ? ExpectedRevision.Exact(r) : ExpectedRevision.NoStream;

    public T? First<T>() where T : class, IRegistryEvent => Effective.Select(f => f.Fact).OfType<T>().FirstOrDefault();

    public T? Last<T>() where T : class, IRegistryEvent => Effective.Select(f => f.Fact).OfType<T>().LastOrDefault();

    public IEnumerable<T> All<T>() where T : class, IRegistryEvent => Effective.Select(f => f.Fact).OfType<T>();

    public bool Has<T>() where T : class, IRegistryEvent => Effective.Any(f => f.Fact is T);

    public RecordedFact? Find(Guid eventId) => Recorded.FirstOrDefault(f => f.EventId == eventId);

    private static List<RecordedFact> ApplyCorrections(IReadOnlyList<RecordedFact> recorded)
    {
        var effective = new List<RecordedFact>(recorded.Count);
        foreach (var f in recorded)
        {
            switch (f.Fact)
            {
                case FactCorrected c:
                    var i = effective.FindIndex(e => e.EventId == c.CorrectedEventId);
                    if (i >= 0 && EventCatalogue.TryGetType(c.CorrectedEventType, out var type))
                        effective[i] = effective[i] with { Fact = (IRegistryEvent)c.Replacement.Deserialize(type, RegistryJson.Options)! };
                    break;
                case FactRetracted r:
                    effective.RemoveAll(e => e.EventId == r.RetractedEventId);
                    break;
                default:
                    effective.Add(f);
                    break;
            }
        }
        return effective;
    }
}
