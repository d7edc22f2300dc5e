using Registry.Contracts.Common;
using Registry.Host.Grpc;
using Registry.Write.Pipeline;

namespace Registry.Tests.Grpc;

/// <summary>A gRPC append of an event runs the command with the same fields: every catalogue event has one, except a
/// claim, which the command of the fact that claims writes.</summary>
public sealed class CatalogueCommandsSpecs
{
    [Test]
    public void Every_event_of_the_catalogue_is_recorded_by_a_command_of_the_write_side()
    {
        Assert.That(CatalogueCommands.All.Keys.Concat(CatalogueCommands.Claims.Keys), Is.EquivalentTo(EventCatalogue.Names));
        var commands = new CommandCatalogue();
        Assert.That(CatalogueCommands.All.Values.Concat(CatalogueCommands.Claims.Values).Where(name => !commands.TryGet(name, out _)), Is.Empty);
    }

    [Test]
    public void Each_command_has_exactly_the_fields_of_the_event_it_stands_for()
    {
        var commands = new CommandCatalogue();
        foreach (var (eventType, commandName) in CatalogueCommands.All)
        {
            EventCatalogue.TryGetType(eventType, out var e);
            commands.TryGet(commandName, out var c);
            Assert.That(c.CommandType.GetProperties().Select(p => (p.Name, p.PropertyType)),
                Is.EquivalentTo(e.GetProperties().Select(p => (p.Name, p.PropertyType))), $"{commandName} ↔ {eventType}");
        }
    }
}
