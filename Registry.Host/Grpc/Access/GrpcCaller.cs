namespace Registry.Host.Grpc.Access;

/// <summary>Who is calling over gRPC: a role, and for a province editor the provinces it edits.</summary>
public sealed record GrpcCaller(string Name, string Role, IReadOnlyList<string> Provinces)
{
    public const string Admin = "admin", ProvinceEditor = "province-editor", Partner = "partner";

    /// <summary>The caller on the plaintext loopback endpoint: the official clients send no credentials there.</summary>
    public static GrpcCaller LoopbackPartner { get; } = new("loopback", Partner, []);

    public bool MayAppend => Role is Admin or ProvinceEditor;
}
