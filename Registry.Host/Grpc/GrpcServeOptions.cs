using System.CommandLine;

namespace Registry.Host.Grpc;

/// <summary>The options of <c>registry serve</c> that concern the gRPC endpoint.</summary>
public static class GrpcServeOptions
{
    public static readonly Option<string> GrpcUrls = new("--grpc-urls")
    {
        Description = "gRPC (EventStoreDB protocol) endpoint(s), host:port separated by ';'; plaintext on loopback only unless --tls-cert",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("REGISTRY_GRPC_URLS") ?? GrpcEndpointSettings.DefaultUrls,
    };

    public static readonly Option<string?> TlsCert = new("--tls-cert")
    {
        Description = "Certificate for TLS on the gRPC endpoint: a .pfx/.p12 file or a PEM file",
    };

    public static readonly Option<string?> TlsKey = new("--tls-key")
    {
        Description = "PEM private key of --tls-cert, when it is not in the certificate file",
    };

    public static readonly Option<string?> TlsPassword = new("--tls-password")
    {
        Description = "Password of a .pfx/.p12 --tls-cert (default: REGISTRY_TLS_PASSWORD)",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("REGISTRY_TLS_PASSWORD"),
    };

    public static void AddTo(Command command)
    {
        command.Options.Add(GrpcUrls);
        command.Options.Add(TlsCert);
        command.Options.Add(TlsKey);
        command.Options.Add(TlsPassword);
    }

    public static GrpcEndpointSettings Settings(ParseResult result)
    {
        var certificate = result.GetValue(TlsCert) is { } path
            ? TlsCertificate.Load(path, result.GetValue(TlsKey), result.GetValue(TlsPassword))
            : null;
        return GrpcEndpointSettings.Create(result.GetValue(GrpcUrls)!, certificate);
    }
}
