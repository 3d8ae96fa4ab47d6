using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Berth.Registry;

/// <summary>A standalone registry web app on Kestrel: what berth-registry runs and what tests start in-process.</summary>
public static class RegistryApplication
{
    /// <param name="address">Listen address (<c>127.0.0.1:5000</c>; port 0 picks a free one, see <see cref="BoundAddress"/>).</param>
    /// <param name="certificate">Serve HTTPS with this certificate (with its private key); null for plain HTTP.</param>
    public static WebApplication Create(RegistryOptions options, string address, X509Certificate2? certificate = null, LogLevel logLevel = LogLevel.Warning)
    {
        var endpoint = ListenAddress.Parse(address);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.SetMinimumLevel(logLevel);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = null;
            kestrel.Listen(endpoint, listen =>
            {
                if (certificate is not null) listen.UseHttps(certificate);
            });
        });
        builder.Services.AddSingleton<RegistryLifetime>();
        // Large socket buffers: blob bodies arrive in 64 KiB receives, not 4 KiB ones (see LargeBlockMemoryPool).
        builder.Services.AddSingleton<IMemoryPoolFactory<byte>, Http.LargeBlockMemoryPoolFactory>();
        var app = builder.Build();
        app.Services.GetRequiredService<RegistryLifetime>().Endpoints = app.MapRegistryEndpoints(options);
        return app;
    }

    /// <summary>The address a started app listens on (<c>http://127.0.0.1:41234</c>).</summary>
    public static string BoundAddress(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
        ?? throw new InvalidOperationException("the registry is not listening");

    /// <summary>A certificate and its key from PEM files (<c>--tls-cert</c>, <c>--tls-key</c>).</summary>
    public static X509Certificate2 LoadCertificate(string certificatePem, string keyPem) =>
        X509Certificate2.CreateFromPemFile(certificatePem, keyPem);
}
