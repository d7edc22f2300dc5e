using Registry.Tests.Infrastructure;

namespace Registry.Tests.Grpc;

/// <summary><c>registry serve --tls-cert … --tls-key …</c> serves the gRPC endpoint over TLS and checks API keys there.</summary>
[TestFixtureSource(typeof(NodeEsdbClient), nameof(NodeEsdbClient.Packages)), NonParallelizable]
public sealed class RegistryServeTlsSpecs(string package)
{
    [Test]
    public async Task The_grpc_endpoint_serves_TLS_with_a_PEM_certificate_and_refuses_an_unknown_API_key()
    {
        var certificate = TestCertificate.Create();
        await using var server = await RegistryServer.StartAsync(new SharedLog().Path,
            "--tls-cert", certificate.CertificatePath, "--tls-key", certificate.KeyPath);
        var client = new NodeEsdbClient(package, certificate.Connection(server.GrpcPort, "unknown-key", "secret"));

        var lines = await client.RunAsync("readAll", new { direction = "forwards" });

        Assert.That(server.GrpcLine, Does.Contain($"https://127.0.0.1:{server.GrpcPort}"));
        Assert.That(lines[0].Text("name"), Is.EqualTo("AccessDeniedError"), lines[0].ToString());
        // KurrentDB's client reads through its native client, which keeps the kind of the error but not the server's message.
        if (package == NodeEsdbClient.EventStoreDb) Assert.That(lines[0].Text("message"), Does.Contain("API key 'unknown-key' is not valid"));
    }
}
