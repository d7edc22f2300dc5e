using System.Text;
using Registry.EventStore.Integrity;

namespace Registry.Tests.EventStore.Integrity;

/// <summary>The chain's encoding is a format that auditors recompute: these vectors were computed independently
/// (Python's hashlib over the documented canonical bytes), so a change of encoding cannot go unnoticed.</summary>
public sealed class EventHashSpecs
{
    [Test]
    public void Given_the_first_event_and_the_next_one_then_their_hashes_are_the_documented_chain()
    {
        var first = EventHash.Compute(EventHash.Genesis, 1, "startup-1", 0, Guid.Parse("0195f2a4-7c1e-7d9b-8f00-123456789abc"),
            "StartupRegistered", """{"name":"Hoa Sen"}"""u8, "{}"u8, 1_700_000_000_000_000);
        var second = EventHash.Compute(first, 2, "techfest-Đà-Nẵng", 5, Guid.Parse("0195f2a4-7c1e-7d9b-8f00-123456789abd"),
            "TechfestHeld", "[1]"u8, """{"a":1}"""u8, 1_700_000_000_000_001);

        Assert.That(Convert.ToHexStringLower(first), Is.EqualTo("125c9c5dafbd1ba36d62272c511339aa786ca2702bd822080d11946d920bf085"));
        Assert.That(Convert.ToHexStringLower(second), Is.EqualTo("31c285beff16aebcc4c022d471aa7754f1d920de99fdac45faaba324ab4dd3be"));
    }

    [Test]
    public void Given_one_changed_byte_anywhere_then_the_hash_changes()
    {
        byte[] Hash(string stream, string data) =>
            EventHash.Compute(EventHash.Genesis, 1, stream, 0, Guid.Empty, "T", Encoding.UTF8.GetBytes(data), "{}"u8, 0);

        Assert.That(Hash("a-1", "[1]"), Is.Not.EqualTo(Hash("a-1", "[2]")));
        Assert.That(Hash("a-1", "[1]"), Is.Not.EqualTo(Hash("a-2", "[1]")));
    }
}
