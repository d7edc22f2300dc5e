using Registry.Projections.Runtime;

namespace Registry.Tests.Projections.Runtime;

/// <summary>
/// What the offline rebuild holds of open versions: their rows wait in memory until the version closes, and every
/// row held reaches the table exactly once, closed, before a correction rewrites its stream, or open at the end.
/// </summary>
public sealed class KnownEntitiesSpecs
{
    private readonly List<(string Version, long? ValidTo)> _written = [];

    /// <summary>A held version that records what it writes.</summary>
    private HeldVersion Version(string name) => (_, validTo) =>
    {
        _written.Add((name, validTo));
        return Task.CompletedTask;
    };

    /// <summary>Writes the versions handed back with <paramref name="validTo"/>, and returns what they wrote.</summary>
    private List<(string, long?)> Write(IEnumerable<HeldVersion>? versions, long? validTo)
    {
        _written.Clear();
        foreach (var version in versions ?? []) version(null!, validTo);
        return [.. _written];
    }

    [Test]
    public void By_default_rows_are_written_at_once_and_a_close_updates_the_table()
    {
        var known = new KnownEntities();
        known.Opened("a", "v1", "startup-a");
        Assert.That(known.HoldsOpenRows, Is.False);
        Assert.That(known.Close("a"), Is.EqualTo(((List<HeldVersion>?)null, true)));
        Assert.That(known.Close("unknown"), Is.EqualTo(((List<HeldVersion>?)null, true)), "an entity it does not know may have open rows");
    }

    [Test]
    public void A_held_version_is_written_once_when_it_closes_and_the_next_one_is_held_in_its_place()
    {
        var known = new KnownEntities(holdOpenRows: true);
        known.Opened("a", "v1", "startup-a");
        known.Hold("a", Version("v1"));

        var (held, openInTable) = known.Close("a");
        Assert.That(Write(held, 7), Is.EqualTo(new[] { ("v1", (long?)7) }));
        Assert.That(openInTable, Is.False, "nothing of it is in the table: no UPDATE");
        Assert.That(known.Close("a").Held, Is.Null, "closed once");

        known.Opened("a", "v2", "startup-a");
        known.Hold("a", Version("v2"));
        Assert.That(known.TryGet("a", out var state) && (string?)state == "v2");
        Assert.That(Write(known.TakeHeld(), null), Is.EqualTo(new[] { ("v2", (long?)null) }));
        Assert.That(known.TakeHeld(), Is.Empty, "taken once");
        Assert.That(known.Close("a").OpenInTable, Is.True, "what was taken at the end is open in the table");
    }

    [Test]
    public void An_entity_read_from_the_table_is_closed_there()
    {
        var known = new KnownEntities(holdOpenRows: true);
        known.Read("a", "v1");
        known.Read("b", null);
        Assert.That(known.Close("a"), Is.EqualTo(((List<HeldVersion>?)null, true)));
        Assert.That(known.Close("b").OpenInTable, Is.False);
    }

    [Test]
    public void A_version_opened_over_one_still_open_keeps_both_open_until_the_close()
    {
        var known = new KnownEntities(holdOpenRows: true);
        known.Read("a", "in table");
        known.Opened("a", "v2", "startup-a");
        known.Hold("a", Version("v2"));
        var (held, openInTable) = known.Close("a");
        Assert.That((held!.Count, openInTable), Is.EqualTo((1, true)), "the new row closed as written, the table's closed by UPDATE");
    }

    [Test]
    public void Forgetting_a_stream_hands_back_the_rows_held_for_its_entities_and_keeps_the_others_held()
    {
        var known = new KnownEntities(holdOpenRows: true);
        known.Opened("a", "a1", "startup-a");
        known.Hold("a", Version("a1"));
        known.Opened("b", "b1", "startup-b");
        known.Hold("b", Version("b1"));

        Assert.That(Write(known.ForgetStream("startup-a"), null), Is.EqualTo(new[] { ("a1", (long?)null) }));
        Assert.That(known.TryGet("a", out _), Is.False, "its rows are re-derived in SQL: read again");
        Assert.That(known.TryGet("b", out _), Is.True);
        Assert.That(known.Close("b").Held, Has.Count.EqualTo(1));
        Assert.That(known.ForgetStream("startup-a"), Is.Empty);
    }

    [Test]
    public void An_entity_that_moved_to_another_stream_writes_its_held_rows_when_the_first_stream_is_corrected_and_is_kept()
    {
        var known = new KnownEntities(holdOpenRows: true);
        known.Opened("a", "a1", "startup-a");
        known.Hold("a", Version("a1"));
        known.Opened("a", "a2", "other");
        known.Hold("a", Version("a2"));

        Assert.That(Write(known.ForgetStream("startup-a"), null), Is.EqualTo(new[] { ("a1", (long?)null), ("a2", (long?)null) }),
            "both versions are open: in SQL the correction closes its stream's");
        Assert.That(known.TryGet("a", out var state) && (string?)state == "a2");
        Assert.That(known.Close("a"), Is.EqualTo(((List<HeldVersion>?)null, true)), "closed in the table from now on");
    }
}
