using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Registry.Tests.Grpc;

/// <summary>A self-signed certificate for 127.0.0.1, written as PEM so the server can load it and the client trust it (tlsCAFile).</summary>
public sealed class TestCertificate
{
    private TestCertificate(X509Certificate2 certificate, string folder)
    {
        Certificate = certificate;
        CertificatePath = Path.Combine(folder, "server.crt");
        KeyPath = Path.Combine(folder, "server.key");
        File.WriteAllText(CertificatePath, certificate.ExportCertificatePem());
        File.WriteAllText(KeyPath, certificate.GetRSAPrivateKey()!.ExportPkcs8PrivateKeyPem());
    }

    public X509Certificate2 Certificate { get; }
    public string CertificatePath { get; }
    public string KeyPath { get; }

    public static TestCertificate Create()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=registry-test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, false, 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.KeyCertSign, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));
        var folder = Path.Combine(Path.GetTempPath(), "registry-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return new TestCertificate(certificate, folder);
    }

    /// <summary>The connection string of an official client that trusts this certificate.</summary>
    public string Connection(int port, string? user = null, string? password = null) =>
        $"esdb://{(user is null ? "" : $"{user}:{password}@")}127.0.0.1:{port}?tls=true&tlsCAFile={Uri.EscapeDataString(CertificatePath)}";
}
