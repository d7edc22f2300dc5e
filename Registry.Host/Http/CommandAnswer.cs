using Registry.Write.Pipeline;

namespace Registry.Host.Http;

/// <summary>The answer to a recorded command: where its events went (<see cref="Position"/> is the last one's).</summary>
public sealed record CommandAnswer(Guid CommandId, string Command, string Stream, long Revision, long Position, long FirstPosition, long LastPosition,
    IReadOnlyList<WrittenEvent> Events, bool AlreadyRecorded)
{
    public static CommandAnswer From(CommandResult r) =>
        new(r.CommandId, r.Command, r.Stream, r.Revision, r.LastPosition, r.FirstPosition, r.LastPosition, r.Events, r.AlreadyRecorded);
}
