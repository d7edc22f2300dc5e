using Registry.EventStore;

namespace Registry.Tests.EventStore;

public sealed class StreamNameSpecs(string kind) : EventLogFixture(kind)
{
    [TestCase("", TestName = "empty")]
    [TestCase("   ", TestName = "blank")]
    [TestCase("startup", TestName = "no dash")]
    [TestCase("-42", TestName = "no category")]
    [TestCase("startup-", TestName = "no id")]
    [TestCase("9startup-1", TestName = "category starting with a digit")]
    [TestCase("start up-1", TestName = "space in the category")]
    [TestCase("startup-1 2", TestName = "space in the id")]
    [TestCase("startup-1\n", TestName = "control character")]
    public async Task Given_a_malformed_stream_name_when_appending_then_the_error_names_the_stream_and_nothing_is_written(string name)
    {
        await Store.AppendAsync("startup-1", ExpectedRevision.Any, [Event()]);
        var before = await LogState("startup-1");

        var error = Assert.ThrowsAsync<InvalidAppendException>(() => Store.AppendAsync(name, ExpectedRevision.Any, [Event()]));

        Assert.That(error!.Field, Is.EqualTo("stream"));
        Assert.That(await LogState("startup-1"), Is.EqualTo(before));
    }

    [Test]
    public async Task Given_a_stream_name_longer_than_the_limit_when_appending_then_it_is_refused()
    {
        var name = "startup-" + new string('x', AppendLimits.Default.MaxStreamNameLength);

        var error = Assert.ThrowsAsync<InvalidAppendException>(() => Store.AppendAsync(name, ExpectedRevision.Any, [Event()]));

        Assert.That(error!.Field, Is.EqualTo("stream"));
        Assert.That(await LogState(), Is.EqualTo("head=0"));
    }

    [TestCase("startup-1")]
    [TestCase("province_plan-ha-noi-2025")]
    [TestCase("startup-0195f2a4-7c1e-7d9b-8f00-123456789abc")]
    [TestCase("techfest-Đà-Nẵng")]
    public async Task Given_a_well_formed_stream_name_when_appending_then_the_stream_is_created(string name)
    {
        await Store.AppendAsync(name, ExpectedRevision.NoStream, [Event()]);

        Assert.That(await Store.GetStreamRevisionAsync(name), Is.EqualTo(0));
    }
}
