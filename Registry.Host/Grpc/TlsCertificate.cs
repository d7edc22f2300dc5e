using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Registry.Host.Grpc;

/// <summary>Loads the server certificate: a PKCS#12 file (.pfx/.p12, optional password) or PEM (certificate, and the key in its own file or the same one).</summary>
public static class TlsCertificate
{
    public static X509Certificate2 Load(string certificatePath, string? keyPath, string? password)
    {
        if (!File.Exists(certificatePath)) throw new ArgumentException($"--tls-cert {certificatePath}: no such file.");
        if (keyPath is not null && !File.Exists(keyPath)) throw new ArgumentException($"--tls-key {keyPath}: no such file.");
        try
        {
            var extension = Path.GetExtension(certificatePath).ToLowerInvariant();
            var certificate = extension is ".pfx" or ".p12"
                ? X509CertificateLoader.LoadPkcs12FromFile(certificatePath, password)
                : X509Certificate2.CreateFromPemFile(certificatePath, keyPath);
            if (!certificate.HasPrivateKey)
                throw new ArgumentException($"--tls-cert {certificatePath}: the certificate has no private key (give --tls-key).");
            return certificate;
        }
        catch (CryptographicException e)
        {
            throw new ArgumentException($"--tls-cert {certificatePath}: cannot load the certificate ({e.Message}).");
        }
    }
}
