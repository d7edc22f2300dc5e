using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Http;

namespace Registry.Host.Grpc;

/// <summary>
/// Where the gRPC endpoint listens and whether it serves TLS. gRPC needs HTTP/2, and Kestrel cannot serve HTTP/1.1
/// and HTTP/2 on one plaintext port, so gRPC has endpoints of its own. Plaintext is allowed on loopback only.
/// </summary>
public sealed record GrpcEndpointSettings(IReadOnlyList<BindingAddress> Addresses, X509Certificate2? Certificate)
{
    public const string DefaultUrls = "127.0.0.1:2113";

    public bool Tls => Certificate is not null;

    /// <summary>Checks the URLs (<c>host:port</c>, or with a scheme that agrees with the TLS setting).</summary>
    public static GrpcEndpointSettings Create(string urls, X509Certificate2? certificate)
    {
        var scheme = certificate is null ? "http" : "https";
        var addresses = new List<BindingAddress>();
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // Without a port the address would default to 80 or 443: name it.
            if (!System.Text.RegularExpressions.Regex.IsMatch(url, @":[0-9]+/?$"))
                throw new ArgumentException($"--grpc-urls {url}: name a port (host:port, e.g. 127.0.0.1:2113).");
            var address = BindingAddress.Parse(url.Contains("://", StringComparison.Ordinal) ? url : $"{scheme}://{url}");
            if (address.Scheme != scheme)
                throw new ArgumentException(certificate is null
                    ? $"--grpc-urls {url}: https needs a certificate (--tls-cert)."
                    : $"--grpc-urls {url}: with --tls-cert the gRPC endpoint serves TLS; use https:// or no scheme.");
            if (address.Port <= 0) throw new ArgumentException($"--grpc-urls {url}: name a port.");
            if (certificate is null && !IsLoopback(address.Host))
                throw new ArgumentException($"--grpc-urls {url}: plaintext gRPC is allowed on loopback only; give --tls-cert to listen on {address.Host}.");
            addresses.Add(address);
        }
        if (addresses.Count == 0) throw new ArgumentException("--grpc-urls names no endpoint.");
        return new GrpcEndpointSettings(addresses, certificate);
    }

    /// <summary>What <c>registry serve</c> prints at start.</summary>
    public IEnumerable<string> Describe() => Addresses.Select(a => Tls
        ? $"gRPC (EventStoreDB protocol) listening on {a} (TLS; reads and appends with an API key)"
        : $"gRPC (EventStoreDB protocol) listening on {a} (plaintext, loopback only, read-only)");

    public static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}
