using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Berth.Testing;

namespace Berth.Registry.Tests;

/// <summary>HTTPS from PEM files (<c>--tls-cert</c>/<c>--tls-key</c>).</summary>
public sealed class TlsTests
{
    [Fact]
    public async Task ServesHttpsWithAPemCertificate()
    {
        using var temp = new TempDir("berth-tls-");
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        using var self = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        await File.WriteAllTextAsync(temp.Combine("cert.pem"), self.ExportCertificatePem());
        await File.WriteAllTextAsync(temp.Combine("key.pem"), key.ExportPkcs8PrivateKeyPem());

        using var certificate = RegistryApplication.LoadCertificate(temp.Combine("cert.pem"), temp.Combine("key.pem"));
        await using var app = RegistryApplication.Create(new RegistryOptions { Root = temp.CreateDirectory("root") }, "127.0.0.1:0", certificate);
        await app.StartAsync();
        var address = RegistryApplication.BoundAddress(app);
        Assert.StartsWith("https://", address, StringComparison.Ordinal);

        using var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, cert, _, _) => cert is not null && cert.Thumbprint == self.Thumbprint,
        };
        using var client = new HttpClient(handler) { BaseAddress = new Uri(address) };
        using var response = await client.GetAsync("/v2/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await app.StopAsync();
    }
}
