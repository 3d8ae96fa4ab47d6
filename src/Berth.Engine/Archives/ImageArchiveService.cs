using Berth.Engine.Events;
using Berth.Engine.Images;

namespace Berth.Engine.Archives;

/// <summary>
/// Save and load over the image service: save streams blobs from its content store into one tar (docker-archive
/// and OCI layout at once); load stores an archive's files as blobs and registers each image through
/// <see cref="IImageService.RegisterAsync"/>, the same last step as pull.
/// </summary>
public sealed partial class ImageArchiveService(IImageService images, IEventPublisher events) : IImageArchiveService
{
    private void PublishImageEvent(ImageRecord image, string action) =>
        events.PublishImageEvent(image.Id.ToString(), image.Id.ToString(), action, image.Config.Config?.Labels);
}
