using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Registry.Tests.Grpc;

/// <summary>
/// A server certificate for 127.0.0.1 issued by a test authority of its own, written as PEM: the server loads the
/// certificate and key, the client trusts the authority (tlsCAFile). Not one self-signed certificate for both roles:
/// the KurrentDB client verifies with rustls (webpki), which refuses a server certificate that is itself a CA, as
/// real deployments' certificates are not.
/// </summary>
public sealed class TestCertificate
{
    private TestCertificate(string folder)
    {
        CertificatePath = Path.Combine(folder, "server.crt");
        KeyPath = Path.Combine(folder, "server.key");
        AuthorityPath = Path.Combine(folder, "ca.crt");
    }

    public string CertificatePath { get; }
    public string KeyPath { get; }
    public string AuthorityPath { get; }

    public static TestCertificate Create()
    {
        var folder = Path.Combine(Path.GetTempPath(), "registry-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var files = new TestCertificate(folder);
        var (from, to) = (DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));

        using var authorityKey = RSA.Create(2048);
        var authorityRequest = new CertificateRequest("CN=registry-test-ca", authorityKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        authorityRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, false, 0, critical: true));
        authorityRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, critical: true));
        authorityRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(authorityRequest.PublicKey, critical: false));
        using var authority = authorityRequest.CreateSelfSigned(from, to.AddDays(1));

        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=registry-test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: false, false, 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(authority, true, false));
        var serial = RandomNumberGenerator.GetBytes(8);
        serial[0] = (byte)(serial[0] & 0x7F | 0x01); // a positive, minimally encoded DER integer, as strict verifiers require
        using var certificate = request.Create(authority, from, to, serial);

        File.WriteAllText(files.AuthorityPath, authority.ExportCertificatePem());
        File.WriteAllText(files.CertificatePath, certificate.ExportCertificatePem());
        File.WriteAllText(files.KeyPath, key.ExportPkcs8PrivateKeyPem());
        return files;
    }

    /// <summary>The connection string of an official client that trusts the test authority.</summary>
    public string Connection(int port, string? user = null, string? password = null) =>
        $"esdb://{(user is null ? "" : $"{user}:{password}@")}127.0.0.1:{port}?tls=true&tlsCAFile={Uri.EscapeDataString(AuthorityPath)}";
}
