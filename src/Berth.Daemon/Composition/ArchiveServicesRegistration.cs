using Berth.Engine.Archives;
using Berth.Engine.Events;
using Berth.Engine.Images;
using Microsoft.Extensions.DependencyInjection;

namespace Berth.Daemon.Composition;

/// <summary>Registers image save/load (<see cref="IImageArchiveService"/>) over the image service.</summary>
public static class ArchiveServicesRegistration
{
    public static IServiceCollection AddArchiveServices(this IServiceCollection services)
    {
        services.AddSingleton<IImageArchiveService>(sp => new ImageArchiveService(
            sp.GetRequiredService<IImageService>(), sp.GetRequiredService<IEventPublisher>()));
        return services;
    }
}
