using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Registry.Contracts.Common;
using Registry.EventStore;
using Registry.Tests.Infrastructure;
using Registry.Write.Pipeline;

namespace Registry.Tests.Write;

/// <summary>
/// Base of the write-side specifications: given facts in the log, when a command is sent, then the facts it wrote
/// or the error it got (with the log unchanged). Each test has a fresh SQLite log holding <see cref="TestMap"/>.
/// </summary>
public abstract class WriteSpecification
{
    protected static readonly Principal Admin = Principal.Admin("admin-test");
    private ServiceProvider _services = null!;
    private long _headBefore;

    protected SqlEventStore Store { get; private set; } = null!;
    protected CommandSender Sender => _services.GetRequiredService<CommandSender>();

    protected virtual string Kind => StoreKind.Sqlite;

    [SetUp]
    public async Task OpenLog()
    {
        Store = await StoreKind.OpenNewAsync(Kind);
        _services = WriteSide.CreateProvider(Store);
        await Given(StreamNames.ProvinceMap, [.. TestMap.Provinces, TestMap.Reorganization]);
    }

    [TearDown]
    public async Task CloseLog()
    {
        await _services.DisposeAsync();
        await Store.DisposeAsync();
    }

    protected static Principal Editor(params string[] provinces) => new("editor-test", Role.ProvinceEditor, provinces.ToHashSet());

    /// <summary>Facts already in the log, appended as the write side would (metadata included).</summary>
    protected async Task Given(string stream, IReadOnlyList<IRegistryEvent> facts)
    {
        var events = EventEncoder.Encode(facts, new CommandContext(Guid.NewGuid(), Admin));
        await Store.AppendAsync(stream, ExpectedRevision.Any, events);
    }

    protected Task Given(string stream, IRegistryEvent fact) => Given(stream, [fact]);

    /// <summary>Sends the command (as <paramref name="principal"/>, by default an administrator), noting the head first.</summary>
    protected async Task<CommandOutcome> When(IRegistryCommand command, Principal? principal = null, Guid? commandId = null)
    {
        _headBefore = await Store.GetHeadPositionAsync();
        return await Sender.SendAsync(command, commandId ?? Guid.NewGuid(), principal ?? Admin, CancellationToken.None);
    }

    protected async Task<CommandOutcome> When(string name, string json, Principal? principal = null)
    {
        _headBefore = await Store.GetHeadPositionAsync();
        using var body = JsonDocument.Parse(json);
        return await Sender.SendAsync(name, body.RootElement, Guid.NewGuid(), principal ?? Admin, CancellationToken.None);
    }

    /// <summary>The command succeeded and wrote exactly <paramref name="expected"/> (compared as JSON) to <paramref name="stream"/>.</summary>
    protected async Task ThenWrote(CommandOutcome outcome, string stream, params IRegistryEvent[] expected)
    {
        Assert.That(outcome.Error, Is.Null, () => $"{outcome.Error!.Kind}: {outcome.Error.Detail}");
        Assert.That(outcome.Result!.Stream, Is.EqualTo(stream));
        var written = new List<RecordedEvent>();
        await foreach (var e in Store.ReadAllAsync(Direction.Forwards, _headBefore + 1, long.MaxValue)) written.Add(e);
        Assert.That(written.Select(e => e.StreamName), Is.All.EqualTo(stream));
        Assert.That(written.Select(e => JsonSerializer.Deserialize<JsonElement>(e.Data).GetRawText()),
            Is.EqualTo(expected.Select(f => JsonSerializer.Serialize(f, f.GetType(), RegistryJson.Options))));
        Assert.That(written.Select(e => e.EventType), Is.EqualTo(expected.Select(f => f.GetType().Name)));
    }

    /// <summary>The command was refused with <paramref name="kind"/>, a detail (or field error) containing <paramref name="says"/>, and nothing written.</summary>
    protected async Task ThenRefused(CommandOutcome outcome, CommandErrorKind kind, string says, string? field = null)
    {
        Assert.That(outcome.Succeeded, Is.False, "the command was recorded");
        Assert.That(outcome.Error!.Kind, Is.EqualTo(kind), outcome.Error.Detail);
        if (field is null) Assert.That(outcome.Error.Detail, Does.Contain(says));
        else
        {
            Assert.That(outcome.Error.Errors.Keys, Does.Contain(field), outcome.Error.Detail);
            Assert.That(outcome.Error.Errors[field], Has.Some.Contains(says));
        }
        Assert.That(await Store.GetHeadPositionAsync(), Is.EqualTo(_headBefore), "the log changed");
    }

    protected async Task<Guid> EventIdAt(string stream, long revision)
    {
        await foreach (var e in Store.ReadStreamAsync(stream, Direction.Forwards, revision, 1)) return e.EventId;
        throw new InvalidOperationException($"{stream} has no revision {revision}");
    }
}
