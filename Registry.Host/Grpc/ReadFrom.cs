namespace Registry.Host.Grpc;

/// <summary>Where a read starts: the start, the end, or a stream revision / a log position (see <see cref="ProtocolPosition"/>).</summary>
public readonly record struct ReadFrom(ReadFrom.Kind Where, long Value)
{
    public enum Kind { Start, End, At }

    public static ReadFrom Start { get; } = new(Kind.Start, 0);
    public static ReadFrom End { get; } = new(Kind.End, 0);
    public static ReadFrom At(long value) => new(Kind.At, value);
}
